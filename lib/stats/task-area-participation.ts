import { Prisma } from "@/lib/generated/prisma/client";
import { baseCtes, percent, runSql, type StatsQuery } from "./query";

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
export function taskAreaParticipationSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)},
    in_scope AS (
      SELECT ata."taskAreaId", ap."municipalityId", ap."arrangementId"
      FROM "ArrangementTaskArea" ata
      JOIN active_p ap ON ap."arrangementId" = ata."arrangementId"
      JOIN scope_m s ON s.id = ap."municipalityId"
    )
    SELECT t.slug, t.name, t."sortOrder",
      count(DISTINCT i."municipalityId")::int AS municipalities,
      count(DISTINCT i."arrangementId")::int AS arrangements,
      (SELECT count(*) FROM scope_m)::int AS "scopeSize"
    FROM "TaskArea" t LEFT JOIN in_scope i ON i."taskAreaId" = t.id
    GROUP BY t.id, t.slug, t.name, t."sortOrder"
    ORDER BY t."sortOrder", t.slug`;
}

export async function participationByTaskArea(query: StatsQuery): Promise<TaskAreaParticipation[]> {
  const rows = await runSql<Omit<TaskAreaParticipation, "percent"> & { scopeSize: number }>(taskAreaParticipationSql(query));
  return rows.map(({ scopeSize, ...r }) => ({ ...r, percent: percent(r.municipalities, scopeSize) }));
}
