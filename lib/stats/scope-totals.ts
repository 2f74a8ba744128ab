import { Prisma } from "@/lib/generated/prisma/client";
import { baseCtes, runSql, type StatsQuery } from "./query";

export interface ScopeTotals {
  /** Active arrangements with at least one active participant in scope (the report's 221). */
  arrangements: number;
  /** Municipalities in scope (the report's 25). */
  municipalities: number;
  /** Active participations of municipalities in scope. */
  participations: number;
}

export function scopeTotalsSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)}
    SELECT (SELECT count(*) FROM scoped_a)::int AS arrangements,
      (SELECT count(*) FROM scope_m)::int AS municipalities,
      (SELECT count(*) FROM active_p ap JOIN scope_m s ON s.id = ap."municipalityId")::int AS participations`;
}

export async function scopeTotals(query: StatsQuery): Promise<ScopeTotals> {
  const [row] = await runSql<ScopeTotals>(scopeTotalsSql(query));
  return row ?? { arrangements: 0, municipalities: 0, participations: 0 };
}
