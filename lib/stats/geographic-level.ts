import "server-only";
import { belowCooperationSql, levelSql } from "@/lib/domain/sql/levels";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

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
 * printed in the source) because some printed lists are shorter than the printed count. The
 * thresholds are the registry's (lib/domain/levels.ts); below two municipalities is its own row.
 */
export const geographicLevelsStatistic = defineStatistic({
  name: "geographicLevels",
  pass: "arrangements",
  ctes: () => Prisma.sql`sizes AS (
      SELECT s.id, ${levelSql(Prisma.sql`s.n`)} AS level, ${belowCooperationSql(Prisma.sql`s.n`)} AS single
      FROM (SELECT sa.id, greatest(sa.participants, coalesce(sa."statedParticipantCount", 0)) AS n FROM scoped_a sa) s
    )`,
  select: () => Prisma.sql`SELECT
      count(*) FILTER (WHERE level = 'lokalt' AND NOT single)::int AS local,
      count(*) FILTER (WHERE level = 'regionalt')::int AS regional,
      count(*) FILTER (WHERE level = 'hoyere')::int AS higher,
      count(*) FILTER (WHERE single)::int AS single,
      count(*)::int AS total
    FROM sizes`,
  shape: (rows: GeographicLevels[]): GeographicLevels => rows[0] ?? { local: 0, regional: 0, higher: 0, single: 0, total: 0 },
});

export const arrangementsByGeographicLevel = (query: StatsQuery) => computeStatistic(geographicLevelsStatistic, query);
