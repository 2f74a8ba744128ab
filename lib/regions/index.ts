import "server-only";
import { prisma } from "@/lib/db";
import { EMPTY_FILTERS, todayIso } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { listMunicipalities, SURVEY_DATE, type KeyFigure, type LevelGroup, type MunicipalitySummary } from "@/lib/municipalities";

export interface RegionSummary {
  slug: string;
  name: string;
  description: string | null;
  members: { name: string; slug: string; code: string | null }[];
}

export async function listRegions(): Promise<RegionSummary[]> {
  const regions = await prisma.region.findMany({
    orderBy: { name: "asc" },
    include: { municipalities: { include: { codes: { where: { validTo: null } } }, orderBy: { name: "asc" } } },
  });
  return regions.map((r) => ({
    slug: r.slug,
    name: r.name,
    description: r.description,
    members: r.municipalities.map((m) => ({ name: m.name, slug: m.slug, code: m.codes[0]?.code ?? null })),
  }));
}

export interface RegionDetail {
  slug: string;
  name: string;
  description: string | null;
  population2021: { value: number; label: string; source: string } | null;
  members: (MunicipalitySummary & { printedTotal: number | null })[];
  groups: LevelGroup[];
  hosted: ArrangementRow[];
  keyFigures: KeyFigure[];
  date: string;
}

/** A kommuneregion: its members, the arrangements they take part in (by level), host roles and key figures. */
export async function regionDetail(slug: string): Promise<RegionDetail | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const region = await prisma.region.findUnique({ where: { slug } });
  if (!region) return null;
  const today = todayIso();
  const [municipalities, { rows }, atSurvey, baseline] = await Promise.all([
    listMunicipalities(),
    listAllArrangements({ ...EMPTY_FILTERS, region: [slug], sorter: "deltakere", retning: "stigende" }),
    listAllArrangements({ ...EMPTY_FILTERS, region: [slug], dato: SURVEY_DATE }).then((r) => r.rows),
    prisma.reportBaseline.findMany({ where: { key: { in: ["perMunicipality", "regionPopulations"] } } }),
  ]);
  const printed = (baseline.find((b) => b.key === "perMunicipality")?.data ?? []) as unknown as { municipality: string; total: number }[];
  const populations = (baseline.find((b) => b.key === "regionPopulations")?.data ?? []) as unknown as { region: string; label: string; population: number; source: string }[];
  const members = municipalities
    .filter((m) => m.region?.slug === slug)
    .map((m) => ({ ...m, printedTotal: Array.isArray(printed) ? (printed.find((p) => p.municipality === m.slug)?.total ?? null) : null }));
  const memberIds = new Set(members.map((m) => m.id));
  const withPartners = rows.map((r) => ({ ...r, partners: r.participants.filter((p) => memberIds.has(p.id)).map((p) => ({ name: p.name, slug: p.slug, code: p.code })) }));
  const isInternal = (r: ArrangementRow) => r.participants.every((p) => memberIds.has(p.id)) && r.participantCount === r.namedParticipantCount;
  const isHosted = (r: ArrangementRow) => Boolean(r.host && memberIds.has(r.host.id));
  const hosted = rows.filter(isHosted);
  const population = Array.isArray(populations) ? populations.find((p) => p.region === slug) : undefined;
  const titles = { lokalt: "Lokalt samarbeid (2–3 kommuner)", regionalt: "Regionalt samarbeid (4–8 kommuner)", hoyere: "Samarbeid på høyere nivå (9 eller flere kommuner)" } as const;
  const figure = (label: string, now: number, atSurveyDate: number): KeyFigure => ({ label, printed: null, now, atSurveyDate, explanation: null, explanationSource: null });
  return {
    slug: region.slug,
    name: region.name,
    description: region.description,
    population2021: population ? { value: population.population, label: population.label, source: population.source } : null,
    members,
    groups: (["lokalt", "regionalt", "hoyere"] as const).map((level) => ({ level, title: titles[level], rows: withPartners.filter((r) => r.level === level) })),
    hosted,
    keyFigures: [
      figure("Ordninger med minst én kommune fra regionen", rows.length, atSurvey.length),
      figure("Ordninger bare mellom kommuner i regionen", rows.filter(isInternal).length, atSurvey.filter(isInternal).length),
      figure("Ordninger med vertskommune i regionen", hosted.length, atSurvey.filter(isHosted).length),
    ],
    date: today,
  };
}
