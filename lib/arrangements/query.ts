import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EstablishedPeriod } from "@/lib/domain/establishment";
import { alwaysConditions, facetConditions, orderBy, scopeOf, withBase, type FacetKey, type ResolvedFilters } from "./base";

/**
 * The arrangement list in ONE statement (docs/decisions/0050-query-shapes.md): the per-arrangement
 * base is a CTE that PostgreSQL computes once (it is referenced more than once, so it is
 * materialised) and that the count, the page and every facet read. Before, each of them was its own
 * statement that computed the base again (12 per /ordninger request).
 */

/** What the list shows of an arrangement that comes from the base (participants on the date, level, …). */
export interface BaseFacts {
  id: number;
  named_count: number;
  participant_count: number;
  cross_county: boolean;
  active: boolean;
  period: EstablishedPeriod;
}

export type FacetCount = { value: string | null; n: number };
export type FacetCounts = Record<FacetKey, FacetCount[]>;

export interface ArrangementQuery {
  /** Rows to return (0 = none), after `offset` rows. */
  limit: number;
  offset: number;
  /** Count every match (the page's total). */
  count: boolean;
  /** Counts per value of every facet, each under all the other filters. */
  facets: boolean;
}

export interface ArrangementQueryResult {
  total: number;
  /** The requested rows in order, with their base facts. */
  rows: BaseFacts[];
  facets: FacetCounts | null;
}

/** Per facet: SELECT value, n over `b` (and `part`) under every filter except the facet's own. */
function facetSql(r: ResolvedFilters, key: FacetKey): Prisma.Sql {
  const where = facetConditions(r, key);
  switch (key) {
    case "kommune":
      // part holds each (arrangement, municipality) once: count(*) is the distinct count, by hashing.
      return Prisma.sql`SELECT part."municipalityId"::text AS value, count(*)::int AS n FROM hits b JOIN part ON part."arrangementId" = b.id WHERE ${where} GROUP BY part."municipalityId"`;
    case "region":
      return Prisma.sql`SELECT d.region::text AS value, count(*)::int AS n FROM (SELECT DISTINCT m."regionId" AS region, b.id FROM hits b JOIN part ON part."arrangementId" = b.id JOIN "Municipality" m ON m.id = part."municipalityId" WHERE ${where} AND m."regionId" IS NOT NULL) d GROUP BY d.region`;
    case "sektor":
      return Prisma.sql`SELECT b.sector_code AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
    case "oppgave":
      // (arrangementId, taskAreaId) is the key of ArrangementTaskArea: count(*) is the distinct count.
      return Prisma.sql`SELECT ata."taskAreaId"::text AS value, count(*)::int AS n FROM hits b JOIN "ArrangementTaskArea" ata ON ata."arrangementId" = b.id WHERE ${where} GROUP BY ata."taskAreaId"`;
    case "form":
      return Prisma.sql`SELECT coalesce(b.form_code, 'UKJENT') AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
    case "nivaa":
      return Prisma.sql`SELECT b.level AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
    case "etablert":
      return Prisma.sql`SELECT b.period AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
    case "kryss":
      return Prisma.sql`SELECT CASE WHEN b.cross_county THEN 'ja' ELSE 'nei' END AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
    case "status":
      return Prisma.sql`SELECT CASE WHEN b.active THEN 'aktive' WHEN b.ended THEN 'avsluttede' ELSE 'ikke-startet' END AS value, count(*)::int AS n FROM hits b WHERE ${where} GROUP BY 1`;
  }
}

export const FACET_KEYS: FacetKey[] = ["kommune", "region", "sektor", "oppgave", "form", "nivaa", "etablert", "kryss", "status"];

const asJson = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/** The one statement: one row (total, rows as JSON, facets as JSON). */
export function arrangementQuerySql(r: ResolvedFilters, q: ArrangementQuery): Prisma.Sql {
  const where = facetConditions(r);
  const total = q.count ? Prisma.sql`(SELECT count(*)::int FROM hits b WHERE ${where})` : Prisma.sql`NULL::int`;
  const rows =
    q.limit > 0
      ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'named_count', t.named_count, 'participant_count', t.participant_count, 'cross_county', t.cross_county, 'active', t.active, 'period', t.period) ORDER BY t.ord), '[]'::json)
          FROM (SELECT s.*, row_number() OVER () AS ord FROM (SELECT b.id, b.named_count, b.participant_count, b.cross_county, b.active, b.period FROM hits b WHERE ${where} ${orderBy(r)} LIMIT ${q.limit} OFFSET ${q.offset}) s) t)`
      : Prisma.sql`'[]'::json`;
  const facets = q.facets
    ? Prisma.sql`json_build_object(${Prisma.join(
        FACET_KEYS.map((key) => Prisma.sql`${key}::text, (SELECT coalesce(json_agg(json_build_object('value', f.value, 'n', f.n)), '[]'::json) FROM (${facetSql(r, key)}) f)`),
        ", ",
      )})`
    : Prisma.sql`NULL::json`;
  // hits: the base rows that pass the conditions no facet leaves out (ids, search), computed once.
  return Prisma.sql`${withBase(r.date, scopeOf(r, q.facets))},
    hits AS MATERIALIZED (SELECT * FROM b WHERE ${alwaysConditions(r)})
    SELECT ${total} AS total, ${rows} AS rows, ${facets} AS facets`;
}

/** Count, page and facets of the filtered list from one computation of the base. */
export async function queryArrangements(r: ResolvedFilters, q: ArrangementQuery): Promise<ArrangementQueryResult> {
  const [result] = await prisma.$queryRaw<{ total: number | null; rows: unknown; facets: unknown }[]>(arrangementQuerySql(r, q));
  return { total: result?.total ?? 0, rows: asJson<BaseFacts[]>(result?.rows ?? []), facets: result?.facets ? asJson<FacetCounts>(result.facets) : null };
}
