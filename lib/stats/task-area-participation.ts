import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineComposite, defineStatistic, percent } from "./engine/statistic";

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

/** Per task area (every one), the municipalities in scope taking part (the municipalities pass). */
export const taskAreaMunicipalitiesPart = defineStatistic({
  name: "taskAreaMunicipalities",
  pass: "municipalities",
  select: () => Prisma.sql`SELECT t.slug, t.name, t."sortOrder",
      coalesce(am.municipalities, 0) AS municipalities,
      (SELECT count(*) FROM scope_m)::int AS "scopeSize"
    FROM "TaskArea" t LEFT JOIN area_municipalities am ON am."taskAreaId" = t.id
    ORDER BY t."sortOrder", t.slug`,
  shape: (rows: TaskAreaMunicipalities[]) => rows,
});

/** Per task area (those with any), the active arrangements with a participant in scope (the arrangements pass). */
export const taskAreaArrangementsPart = defineStatistic({
  name: "taskAreaArrangements",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT t.slug, aa.arrangements
    FROM area_arrangements aa JOIN "TaskArea" t ON t.id = aa."taskAreaId"`,
  shape: (rows: { slug: string; arrangements: number }[]) => new Map(rows.map((r) => [r.slug, r.arrangements])),
});

export interface TaskAreaMunicipalities {
  slug: string;
  name: string;
  sortOrder: number;
  municipalities: number;
  /** Municipalities in scope. */
  scopeSize: number;
}

/** Every task area with its municipalities in scope (with the scope size) and its arrangements in scope. */
export type TaskAreaCounts = TaskAreaMunicipalities & { arrangements: number };

export function joinTaskAreaParts([municipalities, arrangements]: [TaskAreaMunicipalities[], Map<string, number>]): TaskAreaCounts[] {
  return municipalities.map((r) => ({ ...r, arrangements: arrangements.get(r.slug) ?? 0 }));
}

/** Tabell 3.1: per task area, how many of the municipalities in scope take part in it. */
export const taskAreaParticipationStatistic = defineComposite({
  name: "taskAreaParticipation",
  parts: [taskAreaMunicipalitiesPart, taskAreaArrangementsPart],
  combine: (parts: [TaskAreaMunicipalities[], Map<string, number>]): TaskAreaParticipation[] =>
    joinTaskAreaParts(parts).map(({ scopeSize, ...r }) => ({ ...r, percent: percent(r.municipalities, scopeSize) })),
});

export const participationByTaskArea = (query: StatsQuery) => computeStatistic(taskAreaParticipationStatistic, query);
