import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StatsQuery } from "./scope";

/* The statistic model: a definition (CTEs, SELECT, shape) and a composite of definitions, and the shaping helpers. */

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
  parts: SomeStatistic[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each composite destructures its own parts' results; typed where it is defined
  combine: (parts: any, query: StatsQuery) => Result;
}

/**
 * A statistic of some row and result type, for the runner's mixed lists: it treats rows as opaque
 * JSON, and each statistic's own Row and Result are checked where it is defined (an existential
 * type, which TypeScript spells with `any`; `unknown` would reject every concrete statistic).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type SomeStatistic = StatisticDefinition<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type SomeComposite = CompositeStatistic<any>;

export type AnyStatistic = SomeStatistic | SomeComposite;

export function defineStatistic<Row, Result>(definition: StatisticDefinition<Row, Result>): StatisticDefinition<Row, Result> {
  return definition;
}

export function defineComposite<Result>(definition: CompositeStatistic<Result>): CompositeStatistic<Result> {
  return definition;
}

export const isComposite = (d: AnyStatistic): d is SomeComposite => "parts" in d;
