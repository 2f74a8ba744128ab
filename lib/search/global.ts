import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_FILTERS } from "@/lib/arrangements/filters";
import { listArrangements } from "@/lib/arrangements/list";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { currentCodesSql } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { municipalityTermSql, placeMatchSql } from "./match";
import { normalizedSql, searchTerms } from "./normalize";

export interface GlobalSearchResult {
  query: string;
  arrangements: { rows: ArrangementRow[]; total: number };
  municipalities: { slug: string; name: string; code: string | null; region: string | null; surveyed: boolean }[];
  regions: { slug: string; name: string }[];
}

/**
 * The header search: municipalities (name or any code they have had) and regions first, then the
 * arrangements (the one rule of lib/search/match.ts, as /ordninger and the API use it). A municipality
 * spelt exactly ranks first, then one equal after folding («al», «Aal» → Ål), then word starts.
 */
export async function globalSearch(query: string, limit = 10): Promise<GlobalSearchResult> {
  const q = query.trim().slice(0, 100);
  const terms = searchTerms(q);
  if (!terms.length) return { query: q, arrangements: { rows: [], total: 0 }, municipalities: [], regions: [] };
  const whole = normalizedSql(Prisma.sql`${q}`);
  const municipalityMatch = Prisma.join(
    terms.map((t) => municipalityTermSql(Prisma.sql`m`, t)),
    " AND ",
  );
  const regionNorm = normalizedSql(Prisma.sql`r.name`);
  const regionMatch = Prisma.join(
    terms.map((t) => placeMatchSql(regionNorm, t)),
    " AND ",
  );
  const [arrangements, municipalities, regions] = await Promise.all([
    listArrangements({ ...EMPTY_FILTERS, sok: q, antall: limit }),
    prisma.$queryRaw<{ slug: string; name: string; code: string | null; region: string | null; surveyed: boolean }[]>`
      SELECT m.slug, m.name, m."inSurveyScope" AS surveyed, r.name AS region, cur.code
      FROM "Municipality" m LEFT JOIN "Region" r ON r.id = m."regionId" LEFT JOIN ${currentCodesSql()} cur ON cur."municipalityId" = m.id
      WHERE ${municipalityMatch}
      ORDER BY (lower(translate(m.name, 'ÆØÅ', 'æøå')) = ${q.toLowerCase()}) DESC, (m."searchText" = ${whole}) DESC, (m."searchText" LIKE ${`${terms[0]}%`}) DESC, m."inSurveyScope" DESC, m.name ${NORWEGIAN_COLLATION}
      LIMIT ${limit}`,
    prisma.$queryRaw<{ slug: string; name: string }[]>`SELECT r.slug, r.name FROM "Region" r WHERE ${regionMatch} ORDER BY r.name LIMIT ${limit}`,
  ]);
  return { query: q, arrangements: { rows: arrangements.rows, total: arrangements.total }, municipalities, regions };
}
