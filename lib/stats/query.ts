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
 * The common CTEs of every statistic:
 * - scope_m: the municipalities in scope;
 * - active_a: arrangements that exist on the day (established by then, not ended before);
 * - active_p: participations valid on the day (joined on or before, left on or after: left is inclusive)
 *   in active arrangements, for all municipalities (also outside the scope); one row per
 *   (arrangement, municipality), so plain count(*) counts municipalities or arrangements;
 * - scoped_a: active arrangements with at least one active participant in scope.
 */
export function baseCtes(query: StatsQuery): Prisma.Sql {
  const day = query.asOf;
  const year = yearOf(day);
  return Prisma.sql`scope_m AS (
      SELECT m.id FROM "Municipality" m WHERE ${scopeCondition(query.scope)}
    ),
    active_a AS (
      SELECT a.id FROM "Arrangement" a
      WHERE (a."establishedYear" IS NULL OR a."establishedYear" <= ${year}::int)
        AND (a."establishedYear" IS NOT NULL OR a."establishedPeriodFrom" IS NULL OR a."establishedPeriodFrom" <= ${year}::int)
        AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
    ),
    active_p AS (
      SELECT DISTINCT p."arrangementId", p."municipalityId" FROM "Participation" p
      JOIN active_a aa ON aa.id = p."arrangementId"
      WHERE (p."joinedOn" IS NULL OR p."joinedOn" <= ${day}::date)
        AND (p."leftOn" IS NULL OR p."leftOn" >= ${day}::date)
    ),
    scoped_a AS (
      SELECT DISTINCT ap."arrangementId" AS id FROM active_p ap WHERE ap."municipalityId" IN (SELECT id FROM scope_m)
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
