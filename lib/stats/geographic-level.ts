import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic, defineStatistic, statisticSql, type StatsQuery } from "./query";

export interface GeographicLevels {
  /** 2–3 municipalities (lokalt). */
  local: number;
  /** 4–8 municipalities (regionalt). */
  regional: number;
  /** 9 or more (høyere nivå). */
  higher: number;
  /** Only one municipality left on the day (e.g. after the others withdrew). */
  single: number;
  total: number;
}

/**
 * Avsnitt 2.1 / Figur 2.1: arrangements by number of participating municipalities, counting
 * participants outside the scope too. The size is max(active named participants, the member count
 * printed in the source) because some printed lists are shorter than the printed count.
 */
export const geographicLevelsStatistic = defineStatistic({
  name: "geographicLevels",
  pass: "arrangements",
  ctes: () => Prisma.sql`sizes AS (
      SELECT sa.id, greatest(sa.participants, coalesce(sa."statedParticipantCount", 0)) AS n FROM scoped_a sa
    )`,
  select: () => Prisma.sql`SELECT
      count(*) FILTER (WHERE n BETWEEN 2 AND 3)::int AS local,
      count(*) FILTER (WHERE n BETWEEN 4 AND 8)::int AS regional,
      count(*) FILTER (WHERE n >= 9)::int AS higher,
      count(*) FILTER (WHERE n < 2)::int AS single,
      count(*)::int AS total
    FROM sizes`,
  shape: (rows: GeographicLevels[]): GeographicLevels => rows[0] ?? { local: 0, regional: 0, higher: 0, single: 0, total: 0 },
});

export const geographicLevelsSql = (query: StatsQuery) => statisticSql(geographicLevelsStatistic, query);
export const arrangementsByGeographicLevel = (query: StatsQuery) => computeStatistic(geographicLevelsStatistic, query);
