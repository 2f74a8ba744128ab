import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

/**
 * Which municipalities a statistic is about. `surveyed`: the 25 of the 2021 survey (default);
 * `region`: the municipalities of one kommuneregion; `all`: every municipality in the registry.
 */
export type StatsScope = { kind: "surveyed" } | { kind: "region"; slug: string; name: string } | { kind: "all" };

/** Every statistic is computed "as of" one calendar day (YYYY-MM-DD) for one scope. */
export interface StatsQuery {
  asOf: string;
  scope: StatsScope;
  /**
   * The county map used to decide whether an arrangement crosses county borders (YYYY-MM-DD).
   * Default: the later of `asOf` and today, i.e. today's county map (docs/decisions/0020).
   */
  countyMapDate?: string;
}

export const SURVEYED: StatsScope = { kind: "surveyed" };

/** Today's date in Norway (the default "as of" date). */
export function todayInNorway(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function yearOf(date: string): number {
  return Number.parseInt(date.slice(0, 4), 10);
}

export function countyMapDateOf(query: StatsQuery): string {
  if (query.countyMapDate) return query.countyMapDate;
  const today = todayInNorway();
  return query.asOf > today ? query.asOf : today;
}

function scopeCondition(scope: StatsScope): Prisma.Sql {
  switch (scope.kind) {
    case "surveyed":
      return Prisma.sql`m."inSurveyScope"`;
    case "region":
      return Prisma.sql`m."regionId" = (SELECT r.id FROM "Region" r WHERE r.slug = ${scope.slug})`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

/**
 * The common CTEs of every statistic. The expensive work (tens of thousands of participations) is
 * done once, in `active_p` and `scoped_a`; every statistic then aggregates over those small sets
 * (docs/decisions/0025). A CTE no statement references is not computed at all, so a statistic run
 * alone pays only for what it uses; in the whole set each CTE referenced by several statistics is
 * materialized once.
 * - scope_m: the municipalities in scope;
 * - active_p: participations valid on the day (joined on or before, left on or after: left is
 *   inclusive) in arrangements that exist on the day (established by then, not ended before), for
 *   all municipalities (also outside the scope); one row per (arrangement, municipality), so plain
 *   count(*) counts municipalities or arrangements. It carries the arrangement's host and whether
 *   the municipality is in scope;
 * - scoped_a: per-arrangement facts of the active arrangements with at least one active participant
 *   in scope: the Arrangement columns the statistics use, `participants` (active participants, also
 *   outside the scope) and `scopeParticipants` (those in scope);
 * - per_area: per task area, the municipalities in scope taking part in at least one active
 *   arrangement of the area, and the arrangements of the area in scope (task areas with none are absent).
 */
export function baseCtes(query: StatsQuery): Prisma.Sql {
  const day = query.asOf;
  const year = yearOf(day);
  return Prisma.sql`scope_m AS (
      SELECT m.id FROM "Municipality" m WHERE ${scopeCondition(query.scope)}
    ),
    active_p AS (
      SELECT DISTINCT ON (p."arrangementId", p."municipalityId") p."arrangementId", p."municipalityId", a."hostMunicipalityId" AS "hostId",
        (p."municipalityId" IN (SELECT id FROM scope_m)) AS "inScope"
      FROM "Participation" p
      JOIN "Arrangement" a ON a.id = p."arrangementId"
      WHERE (a."establishedYear" IS NULL OR a."establishedYear" <= ${year}::int)
        AND (a."establishedYear" IS NOT NULL OR a."establishedPeriodFrom" IS NULL OR a."establishedPeriodFrom" <= ${year}::int)
        AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
        AND (p."joinedOn" IS NULL OR p."joinedOn" <= ${day}::date)
        AND (p."leftOn" IS NULL OR p."leftOn" >= ${day}::date)
    ),
    scoped_a AS (
      SELECT a.id, a.slug, a.name, a."correctedName", a."sectorId", a."legalFormId", a."hostMunicipalityId",
        a."establishedYear", a."establishedPeriodFrom", a."establishedPeriodTo", a."establishedUnspecified",
        a."statedParticipantCount", f.participants, f."scopeParticipants"
      FROM (
        SELECT ap."arrangementId" AS id, count(*)::int AS participants, count(*) FILTER (WHERE ap."inScope")::int AS "scopeParticipants"
        FROM active_p ap GROUP BY ap."arrangementId"
      ) f
      JOIN "Arrangement" a ON a.id = f.id
      WHERE f."scopeParticipants" > 0
    ),
    per_area AS (
      SELECT aa."taskAreaId", coalesce(am.municipalities, 0) AS municipalities, aa.arrangements
      FROM (
        SELECT ata."taskAreaId", count(*)::int AS arrangements
        FROM "ArrangementTaskArea" ata JOIN scoped_a sa ON sa.id = ata."arrangementId"
        GROUP BY ata."taskAreaId"
      ) aa
      LEFT JOIN (
        SELECT d."taskAreaId", count(*)::int AS municipalities
        FROM (
          SELECT DISTINCT ata."taskAreaId", ap."municipalityId"
          FROM "ArrangementTaskArea" ata JOIN active_p ap ON ap."arrangementId" = ata."arrangementId"
          WHERE ap."inScope"
        ) d
        GROUP BY d."taskAreaId"
      ) am ON am."taskAreaId" = aa."taskAreaId"
    )`;
}

/** Runs a statistic's SQL through the app's Prisma client. */
export function runSql<Row>(sql: Prisma.Sql): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>(sql);
}

/** Average rounded like the report (one decimal), or null when there is nothing to average. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

/**
 * One statistic: its own CTEs (after the common ones), its SELECT, and how its rows become the
 * result. Run alone, it is one SQL statement. The whole set runs as ONE statement (statisticsSetSql)
 * so the common CTEs are computed once instead of once per statistic.
 */
export interface StatisticDefinition<Row, Result> {
  name: string;
  ctes?: (query: StatsQuery) => Prisma.Sql;
  select: (query: StatsQuery) => Prisma.Sql;
  shape: (rows: Row[], query: StatsQuery) => Result;
}

export function defineStatistic<Row, Result>(definition: StatisticDefinition<Row, Result>): StatisticDefinition<Row, Result> {
  return definition;
}

export function statisticSql(definition: StatisticDefinition<any, any>, query: StatsQuery): Prisma.Sql {
  const ctes = definition.ctes?.(query);
  return ctes
    ? Prisma.sql`WITH ${baseCtes(query)}, ${ctes} ${definition.select(query)}`
    : Prisma.sql`WITH ${baseCtes(query)} ${definition.select(query)}`;
}

export async function computeStatistic<Row, Result>(definition: StatisticDefinition<Row, Result>, query: StatsQuery): Promise<Result> {
  return definition.shape(await runSql<Row>(statisticSql(definition, query)), query);
}

/** Every statistic in one statement: one JSON array column per statistic, common CTEs computed once. */
export function statisticsSetSql(definitions: StatisticDefinition<any, any>[], query: StatsQuery): Prisma.Sql {
  const columns = definitions.map((d, i) => {
    const ctes = d.ctes?.(query);
    const inner = ctes ? Prisma.sql`WITH ${ctes} ${d.select(query)}` : d.select(query);
    return Prisma.sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${inner}) x) AS ${Prisma.raw(`"s${i}"`)}`;
  });
  return Prisma.sql`WITH ${baseCtes(query)} SELECT ${Prisma.join(columns, ", ")}`;
}

export async function computeStatisticsSet(definitions: StatisticDefinition<any, any>[], query: StatsQuery): Promise<unknown[]> {
  const [row] = await runSql<Record<string, unknown[]>>(statisticsSetSql(definitions, query));
  return definitions.map((d, i) => d.shape((row?.[`s${i}`] ?? []) as unknown[], query));
}
