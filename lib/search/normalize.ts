import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Search normalisation shared by TypeScript and SQL, so "al" and "Aal" find "Ål" and "uvdal" finds
 * "Nore og Uvdal": case is folded, æ→ae, ø→o, å→a, the old spelling aa→a, and other accents are
 * stripped (docs/decisions/0049-search.md). The SQL twin is the IMMUTABLE function "search_fold"
 * (prisma/migrations/20261201070000_search_index), which fills the stored "searchText" columns;
 * it deliberately avoids relying on the database's ctype (embedded PostgreSQL runs with C.UTF-8,
 * where lower() leaves Æ/Ø/Å alone): Norwegian letters are mapped before lower().
 */
export function normalizeSearchText(value: string): string {
  return value
    .replace(/[Ææ]/g, "ae")
    .replace(/[Øø]/g, "o")
    .replace(/[Åå]/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/aa/g, "a");
}

/** Splits a query into normalised alphanumeric terms ("K-IKT Drammen" → ["k", "ikt", "drammen"]). */
export function searchTerms(query: string, maxTerms = 8): string[] {
  const terms = normalizeSearchText(query)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, maxTerms);
}

const FROM = "ØøÅåÉéÈèÊêÄäÖöÜüÓóÁá";
const TO = "OoAaEeEeEeAaOoUuOoAa";

/** SQL expression that normalises `expression` exactly like normalizeSearchText (the migration's "search_fold"). */
export function normalizedSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`search_fold(${expression})`;
}

/** The body of the SQL function "search_fold", kept here next to its TypeScript twin (a test compares them). */
export const SEARCH_FOLD_SQL = `replace(lower(replace(replace(translate(value, '${FROM}', '${TO}'), 'Æ', 'ae'), 'æ', 'ae')), 'aa', 'a')`;
