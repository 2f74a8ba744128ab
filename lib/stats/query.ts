import "server-only";
import { createHash } from "node:crypto";
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
 * The survey's home county and the neighbouring counties the report groups crossings by (avsnitt
 * 2.5). Each gets one bit of an arrangement's `countyFlags` (see baseCtes); every other county
 * shares the last bit. The classification itself is in cross-county.ts.
 */
export const COUNTY_FLAGS = { Buskerud: 1, Vestfold: 2, Telemark: 4, Innlandet: 8, Akershus: 16, Oslo: 32, other: 64 } as const;

/**
 * Task areas are numbered 0, 1, 2 … (by id) for the per-municipality task-area mask of baseCtes; a
 * bigint holds 64 of them. The registry has 45 (Tabell 3.1). Task areas numbered 64 or higher are
 * counted the plain way (a join and DISTINCT), so the numbers stay right if more are added.
 */
export const TASK_AREA_MASK_BITS = 64;

/**
 * The rule "participation p in arrangement a is valid on the day", in two halves that the passes
 * apply at different points: the arrangement exists on the day (established by then: its year, or
 * the start of its period when only a period is known; not ended before), and the municipality has
 * joined (on or before) and not left (left is inclusive). lib/arrangements/predicates.ts states the
 * same rule for the registry pages.
 */
function arrangementExists(query: StatsQuery, alias: string): Prisma.Sql {
  const year = yearOf(query.asOf);
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."establishedYear" IS NULL OR ${a}."establishedYear" <= ${year}::int)
        AND (${a}."establishedYear" IS NOT NULL OR ${a}."establishedPeriodFrom" IS NULL OR ${a}."establishedPeriodFrom" <= ${year}::int)
        AND (${a}."endDate" IS NULL OR ${a}."endDate" >= ${query.asOf}::date)`;
}

function participationValid(query: StatsQuery, alias: string): Prisma.Sql {
  const p = Prisma.raw(alias);
  return Prisma.sql`(${p}."joinedOn" IS NULL OR ${p}."joinedOn" <= ${query.asOf}::date)
        AND (${p}."leftOn" IS NULL OR ${p}."leftOn" >= ${query.asOf}::date)`;
}

function activeParticipation(query: StatsQuery, p: string, a: string): Prisma.Sql {
  return Prisma.sql`${arrangementExists(query, a)} AND ${participationValid(query, p)}`;
}

/**
 * Each municipality's county on `mapDate` (municipalityId, name): at most one row per municipality,
 * the membership that started last if the data should ever give two.
 */
export function countyOnSql(mapDate: string): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (mc."municipalityId") mc."municipalityId", c.name
        FROM "MunicipalityCounty" mc JOIN "County" c ON c.id = mc."countyId"
        WHERE mc."validFrom" <= ${mapDate}::date AND (mc."validTo" IS NULL OR mc."validTo" >= ${mapDate}::date)
        ORDER BY mc."municipalityId", mc."validFrom" DESC`;
}

export interface NamedCte {
  name: string;
  sql: Prisma.Sql;
  /** Computed once into a small table even where it is read once (so a join probes one hash table). */
  materialized?: boolean;
}

/**
 * The common CTEs of every statistic (docs/decisions/0025, 0028). The row-heavy work (tens of
 * thousands of participations) is ONE pass over the participations grouped by arrangement
 * (`scoped_a`) and ONE grouped by municipality (`per_municipality`); every statistic then
 * aggregates over small sets. A statement gets only the CTEs it refers to (withCtes), so a CTE used
 * once is inlined by PostgreSQL and no statement pays for a pass it does not use.
 * - scope_m: the municipalities in scope;
 * - m_facts: per municipality: in scope or not, and its county on the county map date as a number
 *   (`county`, equal names equal numbers; null without a county that day) and as a flag bit
 *   (COUNTY_FLAGS; 0 without a county);
 * - active_p (for the detail listings): participations valid on the day (activeParticipation), for
 *   all municipalities (also outside the scope), with the arrangement's host and the
 *   municipality's facts;
 * - scoped_a: ONE pass over the active participations grouped by arrangement: the active
 *   arrangements with at least one active participant in scope, with the Arrangement columns the
 *   statistics use, `participants` (active participants, also outside the scope),
 *   `scopeParticipants` (those in scope), whether they lie in two or more counties (`crosses`) and
 *   the bit-or of their county flags (`countyFlags`);
 * - area_bit / arrangement_facts: each task area's bit number; per arrangement existing on the day,
 *   its host and the bigint mask of its task areas (bits below TASK_AREA_MASK_BITS);
 * - per_municipality: ONE pass over the valid participations of the municipalities in scope,
 *   grouped by municipality: arrangements, hosts, assisted, and the bit-or of the task-area masks of
 *   its arrangements (`areas`);
 * - area_municipalities: per task area, the municipalities in scope taking part in at least one
 *   active arrangement of the area: a bit test on per_municipality.areas (45 × municipalities rows
 *   instead of a DISTINCT over 23 000 (task area, municipality) rows); task areas beyond the mask
 *   by a DISTINCT over their own participations;
 * - area_arrangements: per task area, the arrangements of the area in scope.
 * Task areas and arrangements with nothing in scope are absent from the per-area CTEs.
 * Every pass counts rows with plain count(*): a municipality never has two participations in one
 * arrangement valid on the same day (trigger `participation_no_overlap`, docs/decisions/0028), so
 * one valid participation is one (arrangement, municipality).
 */
export function baseCtes(query: StatsQuery): NamedCte[] {
  const mapDate = countyMapDateOf(query);
  const flag = (name: keyof typeof COUNTY_FLAGS) => Prisma.raw(String(COUNTY_FLAGS[name]));
  const maskBits = Prisma.raw(String(TASK_AREA_MASK_BITS));
  return [
    { name: "scope_m", sql: Prisma.sql`SELECT m.id FROM "Municipality" m WHERE ${scopeCondition(query.scope)}` },
    {
      name: "m_facts",
      sql: Prisma.sql`SELECT m.id, (s.id IS NOT NULL) AS "inScope", cm.county, coalesce(cm.flag, 0) AS flag
      FROM "Municipality" m
      LEFT JOIN scope_m s ON s.id = m.id
      LEFT JOIN (
        SELECT co."municipalityId", dense_rank() OVER (ORDER BY co.name)::int AS county,
          (CASE co.name WHEN 'Buskerud' THEN ${flag("Buskerud")} WHEN 'Vestfold' THEN ${flag("Vestfold")} WHEN 'Telemark' THEN ${flag("Telemark")}
            WHEN 'Innlandet' THEN ${flag("Innlandet")} WHEN 'Akershus' THEN ${flag("Akershus")} WHEN 'Oslo' THEN ${flag("Oslo")} ELSE ${flag("other")} END) AS flag
        FROM (${countyOnSql(mapDate)}) co
      ) cm ON cm."municipalityId" = m.id`,
    },
    {
      name: "active_p",
      sql: Prisma.sql`SELECT p."arrangementId", p."municipalityId", a."hostMunicipalityId" AS "hostId", mf."inScope", mf.county, mf.flag
      FROM "Participation" p
      JOIN "Arrangement" a ON a.id = p."arrangementId"
      JOIN m_facts mf ON mf.id = p."municipalityId"
      WHERE ${activeParticipation(query, "p", "a")}`,
    },
    {
      // One pass over the valid participations grouped by arrangement; the arrangement's own
      // columns and the rule "exists on the day" are joined to the 3 600 groups afterwards, not
      // to each of the 19 000 participations.
      name: "scoped_a",
      sql: Prisma.sql`SELECT a.id, a.slug, a.name, a."correctedName", a."sectorId", a."legalFormId", a."hostMunicipalityId",
        a."establishedYear", a."establishedPeriodFrom", a."establishedPeriodTo", a."establishedUnspecified",
        a."statedParticipantCount", f.participants, f."scopeParticipants", f.crosses, f."countyFlags"
      FROM (
        SELECT p."arrangementId" AS id,
          count(*)::int AS participants,
          count(*) FILTER (WHERE mf."inScope")::int AS "scopeParticipants",
          coalesce(min(mf.county) <> max(mf.county), FALSE) AS crosses,
          bit_or(mf.flag) AS "countyFlags"
        FROM "Participation" p
        JOIN m_facts mf ON mf.id = p."municipalityId"
        WHERE ${participationValid(query, "p")}
        GROUP BY p."arrangementId"
      ) f
      JOIN "Arrangement" a ON a.id = f.id
      WHERE f."scopeParticipants" > 0 AND ${arrangementExists(query, "a")}`,
    },
    { name: "area_bit", sql: Prisma.sql`SELECT t.id, (row_number() OVER (ORDER BY t.id) - 1)::int AS bit FROM "TaskArea" t` },
    {
      // Per arrangement existing on the day: its host and the mask of its task areas, so the
      // per-municipality pass joins each participation with ONE small table (materialized, or the
      // planner joins Arrangement and the masks to each participation separately).
      name: "arrangement_facts",
      materialized: true,
      sql: Prisma.sql`SELECT a.id, a."hostMunicipalityId" AS "hostId", coalesce(m.mask, 0) AS areas
      FROM "Arrangement" a
      LEFT JOIN (
        SELECT ata."arrangementId" AS id, bit_or(1::bigint << ab.bit) AS mask
        FROM "ArrangementTaskArea" ata JOIN area_bit ab ON ab.id = ata."taskAreaId"
        WHERE ab.bit < ${maskBits}
        GROUP BY ata."arrangementId"
      ) m ON m.id = a.id
      WHERE ${arrangementExists(query, "a")}`,
    },
    {
      name: "per_municipality",
      sql: Prisma.sql`SELECT p."municipalityId" AS id,
        count(*)::int AS arrangements,
        count(*) FILTER (WHERE af."hostId" = p."municipalityId")::int AS hosts,
        count(*) FILTER (WHERE af."hostId" <> p."municipalityId")::int AS assisted,
        bit_or(af.areas) AS areas
      FROM "Participation" p
      JOIN arrangement_facts af ON af.id = p."arrangementId"
      WHERE p."municipalityId" IN (SELECT id FROM scope_m) AND ${participationValid(query, "p")}
      GROUP BY p."municipalityId"`,
    },
    {
      name: "area_municipalities",
      // The second branch (task areas beyond the mask) starts from area_bit, finds no task area
      // there today and stops at once.
      sql: Prisma.sql`SELECT ab.id AS "taskAreaId", count(*)::int AS municipalities
      FROM area_bit ab JOIN per_municipality pm ON (pm.areas >> ab.bit) & 1 = 1
      WHERE ab.bit < ${maskBits}
      GROUP BY ab.id
      UNION ALL
      SELECT d."taskAreaId", count(*)::int
      FROM (
        SELECT DISTINCT ata."taskAreaId", p."municipalityId"
        FROM area_bit ab
        JOIN "ArrangementTaskArea" ata ON ata."taskAreaId" = ab.id
        JOIN "Participation" p ON p."arrangementId" = ata."arrangementId"
        JOIN "Arrangement" a ON a.id = p."arrangementId"
        WHERE ab.bit >= ${maskBits} AND p."municipalityId" IN (SELECT id FROM scope_m) AND ${activeParticipation(query, "p", "a")}
      ) d
      GROUP BY d."taskAreaId"`,
    },
    {
      name: "area_arrangements",
      sql: Prisma.sql`SELECT ata."taskAreaId", count(*)::int AS arrangements
      FROM "ArrangementTaskArea" ata JOIN scoped_a sa ON sa.id = ata."arrangementId"
      GROUP BY ata."taskAreaId"`,
    },
  ];
}

/** The literal SQL text of a fragment (its strings, without the bound values). */
const textOf = (sql: Prisma.Sql) => sql.strings.join(" ");
const refersTo = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text);

/**
 * `WITH <the common CTEs the statement needs>, <its own CTEs> <select>`. Only the common CTEs the
 * statement refers to (directly or through another CTE) are written: PostgreSQL inlines a CTE
 * referred to once and materializes one referred to more often, counting references from every
 * CTE written, used or not.
 */
export function withCtes(query: StatsQuery, select: Prisma.Sql, own?: Prisma.Sql): Prisma.Sql {
  const ctes = baseCtes(query);
  const needed = new Set<string>();
  let texts = [textOf(select), ...(own ? [textOf(own)] : [])];
  while (texts.length > 0) {
    const found = ctes.filter((c) => !needed.has(c.name) && texts.some((t) => refersTo(t, c.name)));
    found.forEach((c) => needed.add(c.name));
    texts = found.map((c) => textOf(c.sql));
  }
  const list = ctes
    .filter((c) => needed.has(c.name))
    .map((c) => Prisma.sql`${Prisma.raw(c.name)} AS ${Prisma.raw(c.materialized ? "MATERIALIZED " : "")}(${c.sql})`);
  if (own) list.push(own);
  return list.length === 0 ? select : Prisma.sql`WITH ${Prisma.join(list, ",\n    ")} ${select}`;
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
 * Which of the two passes over the participations a statistic reads: `arrangements` (scoped_a:
 * facts per arrangement) or `municipalities` (per_municipality: facts per municipality).
 * The set runs one statement per pass, in parallel on two connections (docs/decisions/0028).
 */
export type Pass = "arrangements" | "municipalities";

/**
 * One statistic: its own CTEs (after the common ones), its SELECT, and how its rows become the
 * result. Run alone, it is one SQL statement.
 */
export interface StatisticDefinition<Row, Result> {
  name: string;
  pass: Pass;
  ctes?: (query: StatsQuery) => Prisma.Sql;
  select: (query: StatsQuery) => Prisma.Sql;
  shape: (rows: Row[], query: StatsQuery) => Result;
}

/**
 * A statistic made of parts from both passes (task-area participation needs municipalities per task
 * area from one and arrangements per task area from the other): the parts run like statistics,
 * `combine` joins their results. Run alone, it is one SQL statement.
 */
export interface CompositeStatistic<Result> {
  name: string;
  parts: StatisticDefinition<any, any>[];
  combine: (parts: any, query: StatsQuery) => Result;
}

export type AnyStatistic = StatisticDefinition<any, any> | CompositeStatistic<any>;

export function defineStatistic<Row, Result>(definition: StatisticDefinition<Row, Result>): StatisticDefinition<Row, Result> {
  return definition;
}

export function defineComposite<Result>(definition: CompositeStatistic<Result>): CompositeStatistic<Result> {
  return definition;
}

const isComposite = (d: AnyStatistic): d is CompositeStatistic<any> => "parts" in d;

/** The part's own CTEs and SELECT, without the common CTEs. */
function partBody(definition: StatisticDefinition<any, any>, query: StatsQuery): Prisma.Sql {
  const ctes = definition.ctes?.(query);
  return ctes ? Prisma.sql`WITH ${ctes} ${definition.select(query)}` : definition.select(query);
}

/** Several parts in one statement: one JSON array column per part (s0, s1, …), common CTEs computed once. */
function partsSql(parts: StatisticDefinition<any, any>[], query: StatsQuery): Prisma.Sql {
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
    return definition.combine(definition.parts.map((d, i) => d.shape((row?.[`s${i}`] ?? []) as unknown[], query)), query);
  }
  return definition.shape(await runSql(statisticSql(definition, query)), query);
}

/** The distinct parts of a set of statistics (a part shared by two composites runs once), by name. */
function partsOf(definitions: AnyStatistic[]): StatisticDefinition<any, any>[] {
  const parts = new Map<string, StatisticDefinition<any, any>>();
  for (const d of definitions) for (const part of isComposite(d) ? d.parts : [d]) parts.set(part.name, part);
  return [...parts.values()];
}

/** Each statistic's result from the shaped results of the parts (by part name). */
function assemble(definitions: AnyStatistic[], shaped: Map<string, unknown>, query: StatsQuery): unknown[] {
  return definitions.map((d) => (isComposite(d) ? d.combine(d.parts.map((p) => shaped.get(p.name)), query) : shaped.get(d.name)));
}

/**
 * The parts of the set grouped by pass, one group per statement (one group when all are in one
 * pass). The arrangement pass is the longer one and goes first: it runs on the connection that
 * starts reading first (inSharedSnapshot).
 */
function passesOf(definitions: AnyStatistic[]): StatisticDefinition<any, any>[][] {
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
  const read = (parts: StatisticDefinition<any, any>[]) => {
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
