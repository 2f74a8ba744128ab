import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { arrangementActiveOn, currentSql, participationActiveOn } from "@/lib/domain/sql/activity";

/**
 * The cooperation graph, computed in PostgreSQL: two municipalities are linked when both take part
 * in the same arrangement, and a link's weight is the number of such arrangements. Arrangements
 * and participations count when they are active on the date (lib/domain/sql/activity.ts), so the
 * map agrees with the registry pages and the statistics.
 */
export interface GraphFilter {
  date: string;
  /** Only arrangements with one of these task areas. */
  taskAreaIds?: number[];
  /** Only arrangements of this sector. */
  sectorId?: number;
}

export interface GraphMunicipality {
  id: number;
  slug: string;
  name: string;
  code: string | null;
  latitude: number | null;
  longitude: number | null;
  regionId: number | null;
}

export interface Pair {
  a: number;
  b: number;
  weight: number;
}

/** Active arrangements matching the filter, as a CTE body returning `id`. */
function activeArrangements(filter: GraphFilter): Prisma.Sql {
  const sector = filter.sectorId === undefined ? Prisma.empty : Prisma.sql`AND a."sectorId" = ${filter.sectorId}`;
  const areas = filter.taskAreaIds?.length
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ArrangementTaskArea" t WHERE t."arrangementId" = a.id AND t."taskAreaId" = ANY(${filter.taskAreaIds}::int[]))`
    : Prisma.empty;
  return Prisma.sql`SELECT a.id FROM "Arrangement" a WHERE ${arrangementActiveOn("a", filter.date)} ${sector} ${areas}`;
}

/** Active participations (one row per arrangement and municipality) in the active arrangements. */
function activeParticipations(filter: GraphFilter, municipalityIds?: number[]): Prisma.Sql {
  const only = municipalityIds ? Prisma.sql`AND p."municipalityId" = ANY(${municipalityIds}::int[])` : Prisma.empty;
  return Prisma.sql`SELECT DISTINCT p."arrangementId", p."municipalityId" FROM "Participation" p JOIN act ON act.id = p."arrangementId"
    WHERE ${participationActiveOn("p", filter.date)} ${only}`;
}

/** Municipalities with their current code, in Norwegian alphabetical order. */
export async function municipalitiesWhere(where: { surveyed: true } | { regionId: number } | { ids: number[] }): Promise<GraphMunicipality[]> {
  const condition = "surveyed" in where ? Prisma.sql`m."inSurveyScope"` : "regionId" in where ? Prisma.sql`m."regionId" = ${where.regionId}` : Prisma.sql`m.id = ANY(${where.ids}::int[])`;
  return prisma.$queryRaw<GraphMunicipality[]>`
    SELECT m.id, m.slug, m.name, c.code, m.latitude, m.longitude, m."regionId"
    FROM "Municipality" m LEFT JOIN "MunicipalityCode" c ON c."municipalityId" = m.id AND ${currentSql("c")}
    WHERE ${condition}
    ORDER BY m.name COLLATE "nb-NO-x-icu", m.id`;
}

/** Pairs among the given municipalities (a < b) with their number of shared active arrangements. */
export async function graphPairs(filter: GraphFilter, municipalityIds: number[]): Promise<Pair[]> {
  if (!municipalityIds.length) return [];
  return prisma.$queryRaw<Pair[]>`
    WITH act AS (${activeArrangements(filter)}), part AS (${activeParticipations(filter, municipalityIds)})
    SELECT x."municipalityId" AS a, y."municipalityId" AS b, count(*)::int AS weight
    FROM part x JOIN part y ON y."arrangementId" = x."arrangementId" AND y."municipalityId" > x."municipalityId"
    GROUP BY 1, 2
    ORDER BY weight DESC, a, b`;
}

/** Number of active arrangements (matching the filter) per municipality. */
export async function arrangementCounts(filter: GraphFilter, municipalityIds: number[]): Promise<Map<number, number>> {
  if (!municipalityIds.length) return new Map();
  const rows = await prisma.$queryRaw<{ id: number; count: number }[]>`
    WITH act AS (${activeArrangements(filter)}), part AS (${activeParticipations(filter, municipalityIds)})
    SELECT "municipalityId" AS id, count(*)::int AS count FROM part GROUP BY 1`;
  return new Map(rows.map((r) => [r.id, r.count]));
}

export interface EgoLink {
  partnerId: number;
  arrangements: { id: number; slug: string; name: string }[];
}

export interface EgoNetwork {
  /** The municipality's own active arrangements matching the filter. */
  arrangementCount: number;
  /** Its partners (anywhere, not only in scope), most shared first, each with the shared arrangements. */
  links: EgoLink[];
}

/** One municipality's partners and, per partner, the arrangements they share. */
export async function egoNetwork(filter: GraphFilter, municipalityId: number): Promise<EgoNetwork> {
  const rows = await prisma.$queryRaw<{ partnerId: number | null; id: number; slug: string; name: string }[]>`
    WITH act AS (${activeArrangements(filter)}),
      own AS (${activeParticipations(filter, [municipalityId])}),
      part AS (
        SELECT DISTINCT p."arrangementId", p."municipalityId" FROM "Participation" p JOIN own o ON o."arrangementId" = p."arrangementId"
        WHERE ${participationActiveOn("p", filter.date)}
      )
    SELECT y."municipalityId" AS "partnerId", a.id, a.slug, a.name
    FROM own x
    JOIN "Arrangement" a ON a.id = x."arrangementId"
    LEFT JOIN part y ON y."arrangementId" = x."arrangementId" AND y."municipalityId" <> x."municipalityId"
    ORDER BY a.name COLLATE "nb-NO-x-icu", a.id`;
  const own = new Set<number>();
  const byPartner = new Map<number, EgoLink>();
  for (const r of rows) {
    own.add(r.id);
    if (r.partnerId === null) continue;
    const link = byPartner.get(r.partnerId) ?? { partnerId: r.partnerId, arrangements: [] };
    link.arrangements.push({ id: r.id, slug: r.slug, name: r.name });
    byPartner.set(r.partnerId, link);
  }
  const links = [...byPartner.values()].sort((x, y) => y.arrangements.length - x.arrangements.length || x.partnerId - y.partnerId);
  return { arrangementCount: own.size, links };
}

/** Pairs among the given municipalities per task area (for the small multiples), and arrangements per area. */
export async function pairsByTaskArea(
  filter: Omit<GraphFilter, "taskAreaIds">,
  municipalityIds: number[],
  taskAreaIds: number[],
): Promise<{ pairs: (Pair & { taskAreaId: number })[]; arrangements: Map<number, number> }> {
  if (!municipalityIds.length || !taskAreaIds.length) return { pairs: [], arrangements: new Map() };
  const scoped = { ...filter, taskAreaIds };
  const [pairs, counts] = await Promise.all([
    prisma.$queryRaw<(Pair & { taskAreaId: number })[]>`
      WITH act AS (${activeArrangements(scoped)}), part AS (${activeParticipations(scoped, municipalityIds)})
      SELECT t."taskAreaId", x."municipalityId" AS a, y."municipalityId" AS b, count(*)::int AS weight
      FROM part x
      JOIN part y ON y."arrangementId" = x."arrangementId" AND y."municipalityId" > x."municipalityId"
      JOIN "ArrangementTaskArea" t ON t."arrangementId" = x."arrangementId" AND t."taskAreaId" = ANY(${taskAreaIds}::int[])
      GROUP BY 1, 2, 3
      ORDER BY 1, weight DESC, a, b`,
    prisma.$queryRaw<{ taskAreaId: number; count: number }[]>`
      WITH act AS (${activeArrangements(scoped)}), part AS (${activeParticipations(scoped, municipalityIds)})
      SELECT t."taskAreaId", count(DISTINCT t."arrangementId")::int AS count
      FROM "ArrangementTaskArea" t WHERE t."taskAreaId" = ANY(${taskAreaIds}::int[]) AND t."arrangementId" IN (SELECT "arrangementId" FROM part)
      GROUP BY 1`,
  ]);
  return { pairs, arrangements: new Map(counts.map((c) => [c.taskAreaId, c.count])) };
}

/** Number of distinct active arrangements (matching the filter) with at least one of the municipalities. */
export async function distinctArrangements(filter: GraphFilter, municipalityIds: number[]): Promise<number> {
  if (!municipalityIds.length) return 0;
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    WITH act AS (${activeArrangements(filter)}), part AS (${activeParticipations(filter, municipalityIds)})
    SELECT count(DISTINCT "arrangementId")::int AS count FROM part`;
  return row?.count ?? 0;
}
