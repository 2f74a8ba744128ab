import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

export interface SectorCount {
  code: string;
  name: string;
  arrangements: number;
}

/** Figur 5.1 / kapittel 5: active arrangements in scope per sector, in the report's order. */
export const sectorDistributionStatistic = defineStatistic({
  name: "sectors",
  pass: "arrangements",
  ctes: () => Prisma.sql`counts AS (
      SELECT sa."sectorId", count(*)::int AS n FROM scoped_a sa GROUP BY sa."sectorId"
    )`,
  select: () => Prisma.sql`SELECT s.code, s.name, coalesce(c.n, 0) AS arrangements
    FROM "Sector" s LEFT JOIN counts c ON c."sectorId" = s.id
    ORDER BY s."sortOrder", s.code`,
  shape: (rows: SectorCount[]) => rows,
});

export const sectorDistribution = (query: StatsQuery) => computeStatistic(sectorDistributionStatistic, query);
