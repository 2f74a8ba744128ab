import { Prisma } from "@/lib/generated/prisma/client";
import { baseCtes, runSql, yearOf, type StatsQuery } from "./query";

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
export function staffingSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)},
    latest AS (
      SELECT DISTINCT ON (s."arrangementId") s."arrangementId", s.year, s.fte::float8 AS fte, s.source
      FROM "StaffingRecord" s JOIN scoped_a sa ON sa.id = s."arrangementId"
      WHERE s.year <= ${yearOf(query.asOf)}::int
      ORDER BY s."arrangementId", s.year DESC, s."createdAt" DESC, s.id DESC
    )
    SELECT a.slug, a.name, l.fte, l.year, l.source,
      (SELECT array_agg(DISTINCT m.name ORDER BY m.name) FROM active_p ap JOIN "Municipality" m ON m.id = ap."municipalityId" WHERE ap."arrangementId" = a.id) AS participants,
      coalesce((SELECT array_agg(t.slug ORDER BY t."sortOrder") FROM "ArrangementTaskArea" ata JOIN "TaskArea" t ON t.id = ata."taskAreaId" WHERE ata."arrangementId" = a.id), '{}') AS "taskAreas",
      coalesce((SELECT array_agg(DISTINCT r.slug) FROM active_p ap JOIN "Municipality" m ON m.id = ap."municipalityId" JOIN "Region" r ON r.id = m."regionId" WHERE ap."arrangementId" = a.id), '{}') AS regions
    FROM latest l JOIN "Arrangement" a ON a.id = l."arrangementId"
    ORDER BY l.fte DESC, a.name`;
}

export function staffedArrangements(query: StatsQuery): Promise<StaffedArrangement[]> {
  return runSql<StaffedArrangement>(staffingSql(query));
}

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
  const rows = await staffedArrangements(query);
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
