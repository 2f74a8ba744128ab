import { Prisma } from "@/lib/generated/prisma/client";
import { baseCtes, runSql, type StatsQuery } from "./query";

export interface SectorCount {
  code: string;
  name: string;
  arrangements: number;
}

/** Figur 5.1 / kapittel 5: active arrangements in scope per sector, in the report's order. */
export function sectorDistributionSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)},
    counts AS (
      SELECT a."sectorId", count(*)::int AS n FROM scoped_a sa JOIN "Arrangement" a ON a.id = sa.id GROUP BY a."sectorId"
    )
    SELECT s.code, s.name, coalesce(c.n, 0) AS arrangements
    FROM "Sector" s LEFT JOIN counts c ON c."sectorId" = s.id
    ORDER BY s."sortOrder", s.code`;
}

export function sectorDistribution(query: StatsQuery): Promise<SectorCount[]> {
  return runSql<SectorCount>(sectorDistributionSql(query));
}
