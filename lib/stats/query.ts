import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { pgPool, prisma } from "@/lib/db";

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
  /**
   * Roughly what the statistic adds to the common CTEs, in ms at national scale (benchmark,
   * docs/benchmarks.md), used to balance the two halves of the set (docs/decisions/0027).
   */
  cost?: number;
  /** A common CTE that only some statistics use (per_area): such statistics go to the same half. */
  uses?: "per_area";
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

/** The set in one statement on one connection (Prisma), the plain path; the pages use computeStatisticsSet. */
export async function computeStatisticsSetInOneStatement(definitions: StatisticDefinition<any, any>[], query: StatsQuery): Promise<unknown[]> {
  const [row] = await runSql<Record<string, unknown[]>>(statisticsSetSql(definitions, query));
  return definitions.map((d, i) => d.shape((row?.[`s${i}`] ?? []) as unknown[], query));
}

/** Indices of the definitions in two halves of about equal cost; statistics sharing a CTE stay together. */
export function splitByCost(definitions: StatisticDefinition<any, any>[]): [number[], number[]] {
  const units = new Map<string, { indices: number[]; cost: number }>();
  definitions.forEach((d, i) => {
    const key = d.uses ?? `#${i}`;
    const unit = units.get(key) ?? { indices: [], cost: 0 };
    unit.indices.push(i);
    unit.cost += d.cost ?? 1;
    units.set(key, unit);
  });
  const halves: [{ indices: number[]; cost: number }, { indices: number[]; cost: number }] = [
    { indices: [], cost: 0 },
    { indices: [], cost: 0 },
  ];
  for (const unit of [...units.values()].sort((a, b) => b.cost - a.cost)) {
    const lighter = halves[0].cost <= halves[1].cost ? halves[0] : halves[1];
    lighter.indices.push(...unit.indices);
    lighter.cost += unit.cost;
  }
  return [halves[0].indices.sort((a, b) => a - b), halves[1].indices.sort((a, b) => a - b)];
}

export interface SnapshotHooks {
  /** Runs after the snapshot is exported and before any read (tests commit a write here). */
  afterExport?: () => Promise<void>;
}

const BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/**
 * Runs `reads[0]` and `reads[1]` concurrently on two connections that see ONE snapshot of the
 * database: connection A starts a repeatable-read transaction and exports its snapshot, connection B
 * imports it (SET TRANSACTION SNAPSHOT) before its first read, and both commit at the end. A write
 * committed in between is seen by neither read, so the two results agree with each other exactly as
 * if they came from one statement (docs/decisions/0027).
 * When the pool has no free connection for B (a busy server), both reads run one after the other on
 * A, in the same transaction: the same snapshot, no waiting for a second connection (which could
 * deadlock when every request holds one connection and waits for another).
 */
export async function inSharedSnapshot<T>(reads: [(c: pg.PoolClient) => Promise<T>, (c: pg.PoolClient) => Promise<T>], hooks: SnapshotHooks = {}): Promise<[T, T]> {
  const pool = pgPool();
  const a = await pool.connect();
  let b: pg.PoolClient | null = null;
  let failed: unknown = null;
  try {
    const [, exported] = (await a.query(`${BEGIN}; SELECT pg_export_snapshot() AS id`)) as unknown as [unknown, pg.QueryResult<{ id: string }>];
    const id = exported.rows[0]!.id;
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`Uventet snapshot-id: ${id}`);
    await hooks.afterExport?.();
    // Take a second connection only when one is free right now (pg-pool claims it synchronously).
    const free = pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10));
    if (!free) {
      const first = await reads[0](a);
      const second = await reads[1](a);
      await a.query("COMMIT");
      return [first, second];
    }
    const connecting = pool.connect();
    const second = connecting.then(async (client) => {
      b = client;
      await client.query(`${BEGIN}; SET TRANSACTION SNAPSHOT '${id}'`);
      return reads[1](client);
    });
    const results = await Promise.allSettled([reads[0](a), second]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
    await Promise.all([a.query("COMMIT"), (b as pg.PoolClient | null)?.query("COMMIT")]);
    return results.map((r) => (r as PromiseFulfilledResult<T>).value) as [T, T];
  } catch (error) {
    failed = error;
    throw error;
  } finally {
    for (const client of [a, b as pg.PoolClient | null]) {
      if (!client) continue;
      if (failed) {
        // Roll back; a connection that cannot is dropped from the pool.
        await client.query("ROLLBACK").then(
          () => client.release(),
          (e: Error) => client.release(e),
        );
      } else client.release();
    }
  }
}

/**
 * Every statistic of `definitions`, computed from PostgreSQL on this request: two SQL statements
 * (each with the common CTEs and about half of the statistics, balanced by `cost`) run in parallel
 * on two connections that share one snapshot (inSharedSnapshot), so all numbers of one answer come
 * from the same state of the database.
 */
export async function computeStatisticsSet(definitions: StatisticDefinition<any, any>[], query: StatsQuery, hooks?: SnapshotHooks): Promise<unknown[]> {
  const halves = splitByCost(definitions).filter((h) => h.length > 0);
  if (halves.length < 2) return computeStatisticsSetInOneStatement(definitions, query);
  const sqls = halves.map((indices) => statisticsSetSql(indices.map((i) => definitions[i]!), query));
  const read = (sql: Prisma.Sql) => async (client: pg.PoolClient) => (await client.query(sql.text, sql.values as unknown[])).rows[0] as Record<string, unknown[]>;
  const rows = await inSharedSnapshot([read(sqls[0]!), read(sqls[1]!)], hooks);
  const results: unknown[] = new Array(definitions.length);
  halves.forEach((indices, h) => indices.forEach((i, column) => (results[i] = definitions[i]!.shape((rows[h]?.[`s${column}`] ?? []) as unknown[], query))));
  return results;
}

/** The two statements of computeStatisticsSet (for the benchmark's raw-SQL comparison). */
export function statisticsSetHalvesSql(definitions: StatisticDefinition<any, any>[], query: StatsQuery): Prisma.Sql[] {
  return splitByCost(definitions)
    .filter((h) => h.length > 0)
    .map((indices) => statisticsSetSql(indices.map((i) => definitions[i]!), query));
}
