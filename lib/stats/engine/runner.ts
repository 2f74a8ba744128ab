import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { pgPool, prisma } from "@/lib/db";
import type { StatsQuery } from "./scope";
import { withCtes } from "./sql";
import { isComposite, type AnyStatistic, type CompositeStatistic, type SomeStatistic, type StatisticDefinition } from "./statistic";

/* Runs statistics: alone (one statement each) or as a set (one statement per pass, two connections sharing one snapshot). */

/** Runs a statistic's SQL through the app's Prisma client. */
export function runSql<Row>(sql: Prisma.Sql): Promise<Row[]> {
  return prisma.$queryRaw<Row[]>(sql);
}

/** The part's own CTEs and SELECT, without the common CTEs. */
function partBody(definition: SomeStatistic, query: StatsQuery): Prisma.Sql {
  const ctes = definition.ctes?.(query);
  return ctes ? Prisma.sql`WITH ${ctes} ${definition.select(query)}` : definition.select(query);
}

/** Several parts in one statement: one JSON array column per part (s0, s1, …), common CTEs computed once. */
function partsSql(parts: SomeStatistic[], query: StatsQuery): Prisma.Sql {
  const columns = parts.map((d, i) => Prisma.sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${partBody(d, query)}) x) AS ${Prisma.raw(`"s${i}"`)}`);
  return withCtes(query, Prisma.sql`SELECT ${Prisma.join(columns, ", ")}`);
}

export function statisticSql(definition: AnyStatistic, query: StatsQuery): Prisma.Sql {
  if (isComposite(definition)) return partsSql(definition.parts, query);
  return withCtes(query, definition.select(query), definition.ctes?.(query));
}

export async function computeStatistic<Row, Result>(definition: StatisticDefinition<Row, Result>, query: StatsQuery): Promise<Result>;
export async function computeStatistic<Result>(definition: CompositeStatistic<Result>, query: StatsQuery): Promise<Result>;
export async function computeStatistic(definition: AnyStatistic, query: StatsQuery): Promise<unknown>;
export async function computeStatistic(definition: AnyStatistic, query: StatsQuery): Promise<unknown> {
  if (isComposite(definition)) {
    const [row] = await runSql<Record<string, unknown[]>>(partsSql(definition.parts, query));
    return definition.combine(
      definition.parts.map((d, i) => d.shape((row?.[`s${i}`] ?? []) as unknown[], query)),
      query,
    );
  }
  return definition.shape(await runSql(statisticSql(definition, query)), query);
}

/** The distinct parts of a set of statistics (a part shared by two composites runs once), by name. */
function partsOf(definitions: AnyStatistic[]): SomeStatistic[] {
  const parts = new Map<string, SomeStatistic>();
  for (const d of definitions) for (const part of isComposite(d) ? d.parts : [d]) parts.set(part.name, part);
  return [...parts.values()];
}

/** Each statistic's result from the shaped results of the parts (by part name). */
function assemble(definitions: AnyStatistic[], shaped: Map<string, unknown>, query: StatsQuery): unknown[] {
  return definitions.map((d) =>
    isComposite(d)
      ? d.combine(
          d.parts.map((p) => shaped.get(p.name)),
          query,
        )
      : shaped.get(d.name),
  );
}

/**
 * The parts of the set grouped by pass, one group per statement (one group when all are in one
 * pass). The arrangement pass is the longer one and goes first: it runs on the connection that
 * starts reading first (inSharedSnapshot).
 */
function passesOf(definitions: AnyStatistic[]): SomeStatistic[][] {
  const parts = partsOf(definitions);
  return (["arrangements", "municipalities"] as const).map((pass) => parts.filter((p) => p.pass === pass)).filter((g) => g.length > 0);
}

/** Every statistic in ONE statement: one JSON array column per part, common CTEs computed once. */
export function statisticsSetSql(definitions: AnyStatistic[], query: StatsQuery): Prisma.Sql {
  return partsSql(partsOf(definitions), query);
}

/** The set in one statement on one connection (Prisma), the plain path; the pages use computeStatisticsSet. */
export async function computeStatisticsSetInOneStatement(definitions: AnyStatistic[], query: StatsQuery): Promise<unknown[]> {
  const parts = partsOf(definitions);
  const [row] = await runSql<Record<string, unknown[]>>(partsSql(parts, query));
  const shaped = new Map(parts.map((p, i) => [p.name, p.shape((row?.[`s${i}`] ?? []) as unknown[], query)]));
  return assemble(definitions, shaped, query);
}

/** The statements of computeStatisticsSet, one per pass (for the benchmark's raw-SQL comparison). */
export function statisticsSetPassesSql(definitions: AnyStatistic[], query: StatsQuery): Prisma.Sql[] {
  return passesOf(definitions).map((parts) => partsSql(parts, query));
}

export interface SnapshotHooks {
  /** Runs after the snapshot is exported and before any read (tests commit a write here). */
  afterExport?: () => Promise<void>;
}

/**
 * Plans are kept per connection (a named prepared statement per statement text) and not re-planned
 * for each request's dates: planning the set took 5–10 ms of its 30–40 ms (docs/decisions/0028).
 */
const BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
const GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan";

/** A named prepared statement per distinct SQL text (the same text always gets the same name). */
export function preparedName(text: string): string {
  return `stats_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
}

export async function inSharedSnapshot<T>(reads: [(c: pg.PoolClient) => Promise<T>, (c: pg.PoolClient) => Promise<T>], hooks: SnapshotHooks = {}): Promise<[T, T]> {
  const pool = pgPool();
  const a = await pool.connect();
  let b: pg.PoolClient | null = null;
  let failed: unknown = null;
  try {
    const started = (await a.query(`${BEGIN}; ${GENERIC_PLANS}; SELECT pg_export_snapshot() AS id`)) as unknown as pg.QueryResult<{ id: string }>[];
    const id = started[started.length - 1]!.rows[0]!.id;
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
      await client.query(`${BEGIN}; SET TRANSACTION SNAPSHOT '${id}'; ${GENERIC_PLANS}`);
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
 * Every statistic of `definitions`, computed from PostgreSQL on this request: one SQL statement per
 * pass over the participations (per arrangement, per municipality), run in parallel on two
 * connections that share one snapshot (inSharedSnapshot), so all numbers of one answer come from
 * the same state of the database (docs/decisions/0027, 0028).
 */
export async function computeStatisticsSet(definitions: AnyStatistic[], query: StatsQuery, hooks?: SnapshotHooks): Promise<unknown[]> {
  const passes = passesOf(definitions);
  if (passes.length < 2) return computeStatisticsSetInOneStatement(definitions, query);
  const read = (parts: SomeStatistic[]) => {
    const sql = partsSql(parts, query);
    return async (client: pg.PoolClient) => {
      const result = await client.query({ name: preparedName(sql.text), text: sql.text, values: sql.values as unknown[] });
      const row = (result.rows[0] ?? {}) as Record<string, unknown[]>;
      return parts.map((p, i): [string, unknown] => [p.name, p.shape(row[`s${i}`] ?? [], query)]);
    };
  };
  const results = await inSharedSnapshot([read(passes[0]!), read(passes[1]!)], hooks);
  return assemble(definitions, new Map(results.flat()), query);
}
