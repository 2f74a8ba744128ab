import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

export interface ScopeTotals {
  /** Active arrangements with at least one active participant in scope (the report's 221). */
  arrangements: number;
  /** Municipalities in scope (the report's 25). */
  municipalities: number;
  /** Active participations of municipalities in scope. */
  participations: number;
}

export const scopeTotalsStatistic = defineStatistic({
  name: "scopeTotals",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT (SELECT count(*) FROM scoped_a)::int AS arrangements,
      (SELECT count(*) FROM scope_m)::int AS municipalities,
      coalesce((SELECT sum(sa."scopeParticipants") FROM scoped_a sa), 0)::int AS participations`,
  shape: (rows: ScopeTotals[]): ScopeTotals => rows[0] ?? { arrangements: 0, municipalities: 0, participations: 0 },
});

export const scopeTotals = (query: StatsQuery) => computeStatistic(scopeTotalsStatistic, query);
