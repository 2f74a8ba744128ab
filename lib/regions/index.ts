import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { EMPTY_FILTERS } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { readReportFigures } from "@/lib/domain/report-figures";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { LEVELS } from "@/lib/domain/levels";
import { todayInNorway } from "@/lib/domain/today";
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
    include: { municipalities: { include: { codes: { where: CURRENT_WHERE } }, orderBy: { name: "asc" } } },
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

/** A kommuneregion: its members, the arrangements they take part in (by level), host roles and key figures. Once per request (React cache): generateMetadata and the page share one load. */
export const regionDetail = cache(loadRegionDetail);

async function loadRegionDetail(slug: string): Promise<RegionDetail | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const region = await prisma.region.findUnique({ where: { slug } });
  if (!region) return null;
  const today = todayInNorway();
  const [municipalities, { rows }, atSurvey, baseline] = await Promise.all([
    listMunicipalities(),
    listAllArrangements({ ...EMPTY_FILTERS, region: [slug], sorter: "deltakere", retning: "stigende" }),
    listAllArrangements({ ...EMPTY_FILTERS, region: [slug], dato: SURVEY_DATE }).then((r) => r.rows),
    readReportFigures(prisma, ["perMunicipality", "regionPopulations"] as const),
  ]);
  const printed = baseline.perMunicipality ?? [];
  const populations = baseline.regionPopulations ?? [];
  const members = municipalities
    .filter((m) => m.region?.slug === slug)
    .map((m) => ({ ...m, printedTotal: Array.isArray(printed) ? (printed.find((p) => p.municipality === m.slug)?.total ?? null) : null }));
  const memberIds = new Set(members.map((m) => m.id));
  const withPartners = rows.map((r) => ({ ...r, partners: r.participants.filter((p) => memberIds.has(p.id)).map((p) => ({ name: p.name, slug: p.slug, code: p.code })) }));
  const isInternal = (r: ArrangementRow) => r.participants.every((p) => memberIds.has(p.id)) && r.participantCount === r.namedParticipantCount;
  const isHosted = (r: ArrangementRow) => Boolean(r.host && memberIds.has(r.host.id));
  const hosted = rows.filter(isHosted);
  const population = Array.isArray(populations) ? populations.find((p) => p.region === slug) : undefined;
  const figure = (label: string, now: number, atSurveyDate: number): KeyFigure => ({ label, printed: null, now, atSurveyDate, explanation: null, explanationSource: null });
  return {
    slug: region.slug,
    name: region.name,
    description: region.description,
    population2021: population ? { value: population.population, label: population.label, source: population.source } : null,
    members,
    groups: LEVELS.map(({ id: level, title }) => ({ level, title, rows: withPartners.filter((r) => r.level === level) })),
    hosted,
    keyFigures: [
      figure("Ordninger med minst én kommune fra regionen", rows.length, atSurvey.length),
      figure("Ordninger bare mellom kommuner i regionen", rows.filter(isInternal).length, atSurvey.filter(isInternal).length),
      figure("Ordninger med vertskommune i regionen", hosted.length, atSurvey.filter(isHosted).length),
    ],
    date: today,
  };
}
