import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Search normalisation shared by TypeScript and SQL, so "al" finds "Ål" and "uvdal" finds
 * "Nore og Uvdal": case is folded and æ→ae, ø→o, å→a (other accents are stripped).
 * The SQL variant deliberately avoids relying on the database's ctype (embedded PostgreSQL runs
 * with C.UTF-8, where lower() leaves Æ/Ø/Å alone): Norwegian letters are mapped before lower().
 */
export function normalizeSearchText(value: string): string {
  return value
    .replace(/[Ææ]/g, "ae")
    .replace(/[Øø]/g, "o")
    .replace(/[Åå]/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
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

/** SQL expression that normalises `expression` exactly like normalizeSearchText. */
export function normalizedSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(replace(replace(translate(${expression}, ${FROM}, ${TO}), 'Æ', 'ae'), 'æ', 'ae'))`;
}
