import "server-only";
import { prisma } from "@/lib/db";

/**
 * The report's printed figures ("Rapport 2021") and the registry's documented deviations from
 * them, read from ReportBaseline (seeded from seed/data/baseline.json and deviations.json).
 * Keys of baseline.json are described in seed/FORMAT.md; the reasons are explained in docs/data.md.
 */

export interface ReportBaselineEntry<T> {
  key: string;
  /** Citation of the report ("NIVI Analyse 2021, …"). */
  source: string;
  data: T;
}

/** One printed figure the registry deliberately differs from, with the reason in Norwegian. */
export interface Deviation {
  id: string;
  /** arrangementsPerMunicipality, meanPerMunicipality, meanByPopulationClass, maxPerMunicipality,
   *  chapter4List, taskAreaParticipation, hostCount, hostCountOutsideArea, hostCountInsideAreaTotal,
   *  hostCountOutsideAreaTotal, arrangementsWithHost. */
  statistic: string;
  municipality: string | null;
  taskArea: string | null;
  key: string | null;
  /** The figure printed in the report. */
  printed: number;
  /** The same figure computed from the registry as seeded in 2021. */
  registry: number;
  /** REPORT_ERROR: the report contradicts its own lists. NOT_IN_REPORT: the report lacks item-level data. */
  cause: "REPORT_ERROR" | "NOT_IN_REPORT";
  /** Why they differ (bokmål), ready to show as "Rapport 2021: 48 — registeret: 44 — fordi …". */
  reason: string;
  /** Where in the report the printed figure stands. */
  source: string;
}

/** A baseline entry by key (e.g. "perMunicipality", "taskAreas", "levels"), or null when absent. */
export async function reportBaseline<T = unknown>(key: string): Promise<ReportBaselineEntry<T> | null> {
  const row = await prisma.reportBaseline.findUnique({ where: { key } });
  return row ? { key: row.key, source: row.source, data: row.data as T } : null;
}

/** Every documented deviation between the report's printed figures and the registry. */
export async function allDeviations(): Promise<Deviation[]> {
  const entry = await reportBaseline<Partial<Deviation>[]>("deviations");
  return (entry?.data ?? []).map((d) => ({
    id: String(d.id),
    statistic: String(d.statistic),
    municipality: d.municipality ?? null,
    taskArea: d.taskArea ?? null,
    key: d.key ?? null,
    printed: Number(d.printed),
    registry: Number(d.registry),
    cause: d.cause === "NOT_IN_REPORT" ? "NOT_IN_REPORT" : "REPORT_ERROR",
    reason: String(d.reason),
    source: String(d.source),
  }));
}

/** The deviations to show on one municipality's page (by slug, e.g. "al", "hjartdal"). */
export async function deviationsFor(municipalitySlug: string): Promise<Deviation[]> {
  return (await allDeviations()).filter((d) => d.municipality === municipalitySlug);
}

/** Deviations with the municipality's or task area's display name, for tables shown to people. */
export async function allDeviationsWithNames(): Promise<(Deviation & { subject: string | null })[]> {
  const [deviations, municipalities, taskAreas] = await Promise.all([
    allDeviations(),
    prisma.municipality.findMany({ select: { slug: true, name: true } }),
    prisma.taskArea.findMany({ select: { slug: true, name: true } }),
  ]);
  const municipalityName = new Map(municipalities.map((m) => [m.slug, m.name]));
  const taskAreaName = new Map(taskAreas.map((t) => [t.slug, t.name]));
  return deviations.map((d) => ({
    ...d,
    subject: (d.municipality && municipalityName.get(d.municipality)) || (d.taskArea && taskAreaName.get(d.taskArea)) || null,
  }));
}
