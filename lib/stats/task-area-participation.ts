import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic, defineStatistic, percent, statisticSql, type StatsQuery } from "./query";

export interface TaskAreaParticipation {
  slug: string;
  name: string;
  sortOrder: number;
  /** Municipalities in scope taking part in at least one active arrangement of the task area. */
  municipalities: number;
  /** Share of the municipalities in scope (0–100). */
  percent: number | null;
  /** Distinct active arrangements of the task area with at least one participant in scope. */
  arrangements: number;
}

/** Tabell 3.1: per task area, how many of the municipalities in scope take part in it. */
type TaskAreaRow = Omit<TaskAreaParticipation, "percent"> & { scopeSize: number };

export const taskAreaParticipationStatistic = defineStatistic({
  name: "taskAreaParticipation",
  cost: 8,
  uses: "per_area",
  select: () => Prisma.sql`SELECT t.slug, t.name, t."sortOrder",
      coalesce(pa.municipalities, 0) AS municipalities,
      coalesce(pa.arrangements, 0) AS arrangements,
      (SELECT count(*) FROM scope_m)::int AS "scopeSize"
    FROM "TaskArea" t LEFT JOIN per_area pa ON pa."taskAreaId" = t.id
    ORDER BY t."sortOrder", t.slug`,
  shape: (rows: TaskAreaRow[]): TaskAreaParticipation[] => rows.map(({ scopeSize, ...r }) => ({ ...r, percent: percent(r.municipalities, scopeSize) })),
});

export const taskAreaParticipationSql = (query: StatsQuery) => statisticSql(taskAreaParticipationStatistic, query);
export const participationByTaskArea = (query: StatsQuery) => computeStatistic(taskAreaParticipationStatistic, query);
