import "server-only";
import { yearOf } from "@/lib/domain/today";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

export interface StaffedArrangement {
  slug: string;
  name: string;
  /** Årsverk from the latest staffing record up to the day's year. */
  fte: number;
  year: number;
  source: string | null;
  participants: string[];
  taskAreas: string[];
  /** Kommuneregioner of the active participants. */
  regions: string[];
}

/**
 * Live staffing (Tabell 2.3, 3.3, 3.4, Figur 3.5): for every active arrangement in scope with a
 * staffing record, the latest record with year ≤ the day's year (when one year has several records,
 * the last one registered).
 */
export const staffedArrangementsStatistic = defineStatistic({
  name: "staffedArrangements",
  pass: "arrangements",
  ctes: (query: StatsQuery) => Prisma.sql`latest AS (
      SELECT DISTINCT ON (s."arrangementId") s."arrangementId", s.year, s.fte::float8 AS fte, s.source
      FROM "StaffingRecord" s JOIN scoped_a sa ON sa.id = s."arrangementId"
      WHERE s.year <= ${yearOf(query.asOf)}::int
      ORDER BY s."arrangementId", s.year DESC, s."createdAt" DESC, s.id DESC
    ),
    members AS (
      SELECT ap."arrangementId", array_agg(DISTINCT m.name ORDER BY m.name) AS participants,
        coalesce(array_agg(DISTINCT r.slug) FILTER (WHERE r.slug IS NOT NULL), '{}') AS regions
      FROM active_p ap
      JOIN latest l ON l."arrangementId" = ap."arrangementId"
      JOIN "Municipality" m ON m.id = ap."municipalityId"
      LEFT JOIN "Region" r ON r.id = m."regionId"
      GROUP BY ap."arrangementId"
    ),
    areas AS (
      SELECT ata."arrangementId", array_agg(t.slug ORDER BY t."sortOrder") AS "taskAreas"
      FROM "ArrangementTaskArea" ata
      JOIN latest l ON l."arrangementId" = ata."arrangementId"
      JOIN "TaskArea" t ON t.id = ata."taskAreaId"
      GROUP BY ata."arrangementId"
    )`,
  select: () => Prisma.sql`SELECT a.slug, a.name, l.fte, l.year, l.source,
      coalesce(mb.participants, '{}') AS participants, coalesce(ar."taskAreas", '{}') AS "taskAreas", coalesce(mb.regions, '{}') AS regions
    FROM latest l
    JOIN scoped_a a ON a.id = l."arrangementId"
    LEFT JOIN members mb ON mb."arrangementId" = l."arrangementId"
    LEFT JOIN areas ar ON ar."arrangementId" = l."arrangementId"
    ORDER BY l.fte DESC, a.name`,
  shape: (rows: StaffedArrangement[]) => rows,
});

export const staffedArrangements = (query: StatsQuery) => computeStatistic(staffedArrangementsStatistic, query);

/** The live staffing tables of the report, cut from one query. */
export interface StaffingTables {
  /** Tabell 2.3: arrangements with a participant in Hallingdal. */
  hallingdal: StaffedArrangement[];
  /** Tabell 3.3: child welfare services (task area barnevern). */
  childWelfare: StaffedArrangement[];
  /** Tabell 3.4: joint NAV offices (task area felles-nav-kontor). */
  nav: StaffedArrangement[];
  /** Figur 3.5: PP services (task area ppt). */
  ppt: StaffedArrangement[];
  /** Small teams: child welfare services under SMALL_CHILD_WELFARE_FTE årsverk. */
  smallChildWelfare: StaffedArrangement[];
}

/** The national recommendation quoted in avsnitt 3.4: child welfare services under 5 FTE are too small. */
export const SMALL_CHILD_WELFARE_FTE = 5;

export function isSmallChildWelfareTeam(fte: number): boolean {
  return fte < SMALL_CHILD_WELFARE_FTE;
}

export async function staffingTables(query: StatsQuery): Promise<StaffingTables> {
  return cutStaffingTables(await staffedArrangements(query));
}

export function cutStaffingTables(rows: StaffedArrangement[]): StaffingTables {
  const inArea = (slug: string) => rows.filter((r) => r.taskAreas.includes(slug));
  const childWelfare = inArea("barnevern");
  return {
    hallingdal: rows.filter((r) => r.regions.includes("hallingdal")),
    childWelfare,
    nav: inArea("felles-nav-kontor"),
    ppt: inArea("ppt"),
    smallChildWelfare: childWelfare.filter((r) => isSmallChildWelfareTeam(r.fte)),
  };
}

export function totalFte(rows: StaffedArrangement[]): number {
  return Math.round(rows.reduce((s, r) => s + r.fte, 0) * 100) / 100;
}
