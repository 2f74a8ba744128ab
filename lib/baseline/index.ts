import "server-only";
import { prisma } from "@/lib/db";
import { readReportFigures, type DeviationFigure } from "@/lib/domain/report-figures";

/**
 * The registry's documented deviations from the report's printed figures (seed/data/deviations.json,
 * docs/decisions/0010), read through the one reader of the printed figures (lib/domain/report-figures.ts).
 * The reasons are explained in docs/data.md.
 */

/** One printed figure the registry deliberately differs from, with the reason in Norwegian. */
export type Deviation = DeviationFigure;

/** Every documented deviation between the report's printed figures and the registry. */
export async function allDeviations(): Promise<Deviation[]> {
  return (await readReportFigures(prisma, ["deviations"] as const)).deviations ?? [];
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
