import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_FILTERS } from "@/lib/arrangements/filters";
import { listAllArrangements } from "@/lib/arrangements/list";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { printedMunicipality, readReportFigures, type ReportFigureShapes } from "@/lib/domain/report-figures";
import { CURRENT_WHERE, isCurrent, isValidOn } from "@/lib/domain/activity";
import { LEVELS, type Level } from "@/lib/domain/levels";
import { arrangementActiveOn, codesValidOnSql, currentCodesSql, currentCountiesSql, participationActiveOn } from "@/lib/domain/sql/activity";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";

/** The date the 2021 survey file was completed: "2021 code" and "Rapport 2021" comparisons use it. */
export const SURVEY_DATE = "2021-11-01";

export interface ArrangementCounts {
  total: number;
  hosts: number;
  assisted: number;
}

/** Arrangements per municipality on a date: total, hosted by it, and assisted by others (total − hosts). */
export async function arrangementCountsByMunicipality(date: string, municipalityIds?: number[]): Promise<Map<number, ArrangementCounts>> {
  const only = municipalityIds ? Prisma.sql`AND p."municipalityId" = ANY(${municipalityIds}::int[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: number; total: number; hosts: number }[]>`
    SELECT p."municipalityId" AS id,
      count(DISTINCT a.id)::int AS total,
      count(DISTINCT a.id) FILTER (WHERE a."hostMunicipalityId" = p."municipalityId")::int AS hosts
    FROM "Participation" p JOIN "Arrangement" a ON a.id = p."arrangementId"
    WHERE ${participationActiveOn("p", date)} AND ${arrangementActiveOn("a", date)} ${only}
    GROUP BY p."municipalityId"`;
  return new Map(rows.map((r) => [r.id, { total: r.total, hosts: r.hosts, assisted: r.total - r.hosts }]));
}

export interface MunicipalitySummary {
  id: number;
  slug: string;
  name: string;
  inSurveyScope: boolean;
  currentCode: string | null;
  code2021: string | null;
  region: { slug: string; name: string } | null;
  county: string | null;
  counts: ArrangementCounts;
}

const ZERO: ArrangementCounts = { total: 0, hosts: 0, assisted: 0 };

/** Every municipality in the registry: the 25 surveyed first, then the rest, alphabetically (Norwegian order). */
export async function listMunicipalities(options: { surveyedOnly?: boolean } = {}): Promise<MunicipalitySummary[]> {
  const today = todayInNorway();
  const [rows, counts] = await Promise.all([
    prisma.$queryRaw<
      {
        id: number;
        slug: string;
        name: string;
        inSurveyScope: boolean;
        current_code: string | null;
        code_2021: string | null;
        region_slug: string | null;
        region_name: string | null;
        county: string | null;
      }[]
    >`SELECT m.id, m.slug, m.name, m."inSurveyScope",
        cur.code AS current_code, old.code AS code_2021,
        r.slug AS region_slug, r.name AS region_name, k.name AS county
      FROM "Municipality" m LEFT JOIN "Region" r ON r.id = m."regionId"
      LEFT JOIN ${currentCodesSql()} cur ON cur."municipalityId" = m.id
      LEFT JOIN ${codesValidOnSql(SURVEY_DATE)} old ON old."municipalityId" = m.id
      LEFT JOIN ${currentCountiesSql()} mc ON mc."municipalityId" = m.id
      LEFT JOIN "County" k ON k.id = mc."countyId"
      ${options.surveyedOnly ? Prisma.sql`WHERE m."inSurveyScope"` : Prisma.empty}`,
    arrangementCountsByMunicipality(today),
  ]);
  const collator = new Intl.Collator("nb");
  return rows
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      inSurveyScope: r.inSurveyScope,
      currentCode: r.current_code,
      code2021: r.code_2021,
      region: r.region_slug && r.region_name ? { slug: r.region_slug, name: r.region_name } : null,
      county: r.county,
      counts: counts.get(r.id) ?? ZERO,
    }))
    .sort((a, b) => Number(b.inSurveyScope) - Number(a.inSurveyScope) || collator.compare(a.name, b.name));
}

export type MunicipalityLookup = { kind: "found"; id: number; canonical: string; isCanonical: boolean } | { kind: "missing" };

/** The URL path segment of a municipality: today's code, or the slug when it has none. */
export function municipalityPath(m: { currentCode?: string | null; code?: string | null; slug: string }): string {
  return `/kommuner/${m.currentCode ?? m.code ?? m.slug}`;
}

/** Finds a municipality by any code it has had (old codes too) or by slug. Once per request (React cache): generateMetadata and the page share one load. */
export const findMunicipality = cache(lookUpMunicipality);

async function lookUpMunicipality(param: string): Promise<MunicipalityLookup> {
  let id: number | undefined;
  if (/^\d{4}$/.test(param)) {
    const codes = await prisma.municipalityCode.findMany({ where: { code: param }, orderBy: { validFrom: "desc" } });
    // A code may have been reused over time; the newest holder wins.
    id = codes[0]?.municipalityId;
  } else if (/^[a-z0-9-]{1,80}$/.test(param)) {
    id = (await prisma.municipality.findUnique({ where: { slug: param }, select: { id: true } }))?.id;
  }
  if (!id) return { kind: "missing" };
  const m = await prisma.municipality.findUniqueOrThrow({ where: { id }, include: { codes: { where: CURRENT_WHERE } } });
  const canonical = m.codes[0]?.code ?? m.slug;
  return { kind: "found", id, canonical, isCanonical: canonical === param };
}

export interface KeyFigure {
  label: string;
  printed: number | null;
  atSurveyDate: number;
  now: number;
  /** Why "Rapport 2021" and the registry (on the survey date) differ; null when they agree. */
  explanation: string | null;
  explanationSource: string | null;
}

export interface LevelGroup {
  level: Level;
  title: string;
  rows: (ArrangementRow & { partners: { name: string; slug: string; code: string | null }[] })[];
}

export interface MunicipalityDetail {
  id: number;
  slug: string;
  name: string;
  inSurveyScope: boolean;
  currentCode: string | null;
  code2021: string | null;
  codes: { code: string; validFrom: string; validTo: string | null }[];
  region: { slug: string; name: string } | null;
  county: string | null;
  population2021: number | null;
  groups: LevelGroup[];
  hosted: ArrangementRow[];
  keyFigures: KeyFigure[];
  printedSource: string | null;
  date: string;
}

type PrintedRow = ReportFigureShapes["perMunicipality"][number];
type KnownError = ReportFigureShapes["knownErrors"][number];

/** The report's printed per-municipality figures (Tabell 3.2) and known errors (lib/domain/report-figures). */
export async function reportBaselineFor(slug: string, name: string): Promise<{ printed: PrintedRow | null; errors: KnownError[] }> {
  const figures = await readReportFigures(prisma, ["perMunicipality", "knownErrors"] as const);
  const known = figures.knownErrors;
  const printed = printedMunicipality(figures, slug);
  // Known errors are keyed by topic, e.g. "Ål – antall ordninger".
  const errors = Array.isArray(known) ? known.filter((e) => typeof e.topic === "string" && new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+[–-]`).test(e.topic)) : [];
  return { printed, errors };
}

const GENERIC_EXPLANATION = "Registeret teller ut fra deltakerlistene og de registrerte vertskommunene for hver ordning; rapporten viser ikke hvilke ordninger som ligger bak det trykte tallet.";

/** One municipality's page data. Once per request (React cache): generateMetadata and the page share one load. */
export const municipalityDetail = cache(loadMunicipalityDetail);

async function loadMunicipalityDetail(id: number): Promise<MunicipalityDetail> {
  const today = todayInNorway();
  const m = await prisma.municipality.findUniqueOrThrow({
    where: { id },
    include: { region: true, codes: { orderBy: { validFrom: "asc" } }, populations: { where: { year: 2021 } }, counties: { where: CURRENT_WHERE, include: { county: true } } },
  });
  const [{ rows }, nowCounts, surveyCounts, baseline] = await Promise.all([
    listAllArrangements({ ...EMPTY_FILTERS, kommune: [m.slug], sorter: "deltakere", retning: "stigende" }),
    arrangementCountsByMunicipality(today, [id]),
    arrangementCountsByMunicipality(SURVEY_DATE, [id]),
    reportBaselineFor(m.slug, m.name),
  ]);
  const now = nowCounts.get(id) ?? ZERO;
  const atSurvey = surveyCounts.get(id) ?? ZERO;
  const explain = (printed: number | null, live: number, field: "total" | "hosts" | "assisted") => {
    if (printed === null || printed === live) return { explanation: null, explanationSource: null };
    const error = baseline.errors[0];
    if (error && field === "total") return { explanation: error.description, explanationSource: error.source ?? null };
    if (baseline.printed?.note) return { explanation: baseline.printed.note, explanationSource: baseline.printed.source ?? null };
    if (error) return { explanation: error.description, explanationSource: error.source ?? null };
    return { explanation: GENERIC_EXPLANATION, explanationSource: null };
  };
  const figure = (label: string, field: "total" | "hosts" | "assisted"): KeyFigure => {
    const printed = baseline.printed ? baseline.printed[field] : null;
    return { label, printed, atSurveyDate: atSurvey[field], now: now[field], ...explain(printed, atSurvey[field], field) };
  };
  const withPartners = rows.map((r) => ({ ...r, partners: r.participants.filter((p) => p.id !== id).map((p) => ({ name: p.name, slug: p.slug, code: p.code })) }));
  return {
    id: m.id,
    slug: m.slug,
    name: m.name,
    inSurveyScope: m.inSurveyScope,
    currentCode: m.codes.find(isCurrent)?.code ?? null,
    code2021: m.codes.find((c) => isValidOn(c, SURVEY_DATE))?.code ?? null,
    codes: m.codes.map((c) => ({ code: c.code, validFrom: isoDateOf(c.validFrom)!, validTo: isoDateOf(c.validTo) })),
    region: m.region ? { slug: m.region.slug, name: m.region.name } : null,
    county: m.counties[0]?.county.name ?? null,
    population2021: m.populations[0]?.count ?? null,
    groups: LEVELS.map(({ id: level, title }) => ({ level, title, rows: withPartners.filter((r) => r.level === level) })),
    hosted: rows.filter((r) => r.host?.id === id),
    keyFigures: [figure("Ordninger i alt", "total"), figure("Vertskommune for", "hosts"), figure("Får bistand fra andre", "assisted")],
    printedSource: baseline.printed?.source ?? null,
    date: today,
  };
}

/** A municipality's name (pages that need nothing else). Once per request (React cache). */
export const municipalityName = cache(async (id: number): Promise<string> => (await prisma.municipality.findUniqueOrThrow({ where: { id }, select: { name: true } })).name);

/** Name and page path of each municipality (an editor's own, for links to their tasks). */
export async function municipalityLinks(ids: number[]): Promise<{ id: number; name: string; path: string }[]> {
  if (!ids.length) return [];
  const rows = await prisma.municipality.findMany({ where: { id: { in: ids } }, include: { codes: { where: CURRENT_WHERE } }, orderBy: { name: "asc" } });
  return rows.map((m) => ({ id: m.id, name: m.name, path: municipalityPath({ code: m.codes[0]?.code ?? null, slug: m.slug }) }));
}
