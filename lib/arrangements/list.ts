import "server-only";
import { prisma } from "@/lib/db";
import { resolveSearch } from "@/lib/search/match";
import { effectiveSort, type ResolvedFilters } from "./base";
import { effectiveDateAndStatus, type ArrangementFilters } from "./filters";
import { queryArrangements } from "./query";
import { arrangementRows } from "./rows";
import type { ArrangementPage, ArrangementRow, UnknownFilterValue } from "./types";

export { effectiveSort, type FacetKey, type ResolvedFilters } from "./base";
export { arrangementRows } from "./rows";

export async function resolveArrangementFilters(filters: ArrangementFilters, options: { ids?: number[] } = {}): Promise<ResolvedFilters> {
  const { date, status } = effectiveDateAndStatus(filters);
  const unknown: UnknownFilterValue[] = [];
  const codes = filters.kommune.filter((v) => /^\d{4}$/.test(v));
  const slugs = filters.kommune.filter((v) => !/^\d{4}$/.test(v));
  const formCodes = filters.form.filter((f) => f !== "UKJENT");
  const [byCode, bySlug, regions, sectors, taskAreas, forms, search] = await Promise.all([
    codes.length ? prisma.municipalityCode.findMany({ where: { code: { in: codes } }, select: { code: true, municipalityId: true } }) : [],
    slugs.length ? prisma.municipality.findMany({ where: { slug: { in: slugs } }, select: { slug: true, id: true } }) : [],
    filters.region.length ? prisma.region.findMany({ where: { slug: { in: filters.region } }, select: { slug: true, id: true } }) : [],
    filters.sektor.length ? prisma.sector.findMany({ where: { code: { in: filters.sektor } }, select: { code: true } }) : [],
    filters.oppgave.length ? prisma.taskArea.findMany({ where: { slug: { in: filters.oppgave } }, select: { slug: true, id: true } }) : [],
    formCodes.length ? prisma.legalForm.findMany({ where: { code: { in: formCodes } }, select: { code: true } }) : [],
    resolveSearch(filters.sok),
  ]);
  const municipalityIds = new Set<number>();
  for (const code of codes) {
    const matches = byCode.filter((c) => c.code === code);
    if (!matches.length) unknown.push({ parameter: "kommune", value: code, message: `Fant ingen kommune med kommunenummer ${code}` });
    for (const m of matches) municipalityIds.add(m.municipalityId);
  }
  for (const slug of slugs) {
    const match = bySlug.find((m) => m.slug === slug);
    if (!match) unknown.push({ parameter: "kommune", value: slug, message: `Fant ingen kommune «${slug}»` });
    else municipalityIds.add(match.id);
  }
  const check = <T>(parameter: string, values: string[], found: T[], key: (t: T) => string, what: string) => {
    for (const value of values) if (!found.some((f) => key(f) === value)) unknown.push({ parameter, value, message: `Ukjent ${what} «${value}»` });
  };
  check("region", filters.region, regions, (r) => r.slug, "region");
  check("sektor", filters.sektor, sectors, (s) => s.code, "sektor");
  check("oppgave", filters.oppgave, taskAreas, (t) => t.slug, "oppgaveområde");
  check("form", formCodes, forms, (f) => f.code, "juridisk form");
  return {
    filters,
    date,
    status,
    municipalityIds: [...municipalityIds],
    regionIds: regions.map((r) => r.id),
    sectorCodes: sectors.map((s) => s.code),
    taskAreaIds: taskAreas.map((t) => t.id),
    formCodes: forms.map((f) => f.code),
    includeUnknownForm: filters.form.includes("UKJENT"),
    search,
    ids: options.ids,
    unknown,
  };
}

const emptyPage = (r: ResolvedFilters): ArrangementPage => ({
  total: 0,
  page: r.filters.side,
  pageSize: r.filters.antall,
  pageCount: 0,
  rows: [],
  date: r.date,
  status: r.status,
  sort: effectiveSort(r.filters),
  unknown: r.unknown,
});

/** The ids of every matching arrangement in the requested order (for downloads and the map). */
export async function matchingArrangementIds(r: ResolvedFilters, limit = 100_000): Promise<number[]> {
  if (r.unknown.length) return [];
  const { rows } = await queryArrangements(r, { limit, offset: 0, count: false, facets: false });
  return rows.map((row) => row.id);
}

/** One page of arrangements for /ordninger and GET /api/v1/ordninger. */
export async function listArrangements(filters: ArrangementFilters): Promise<ArrangementPage> {
  const r = await resolveArrangementFilters(filters);
  return listResolved(r);
}

/** One page: count and page from one statement (lib/arrangements/query.ts), then the page's full rows. */
export async function listResolved(r: ResolvedFilters): Promise<ArrangementPage> {
  if (r.unknown.length) return emptyPage(r);
  const result = await queryArrangements(r, { limit: r.filters.antall, offset: (r.filters.side - 1) * r.filters.antall, count: true, facets: false });
  return pageOf(r, result.total, await arrangementRows(result.rows, r.date));
}

/** The page object of a count and the page's rows. */
export function pageOf(r: ResolvedFilters, total: number, rows: ArrangementRow[]): ArrangementPage {
  return { ...emptyPage(r), total, pageCount: Math.ceil(total / r.filters.antall), rows };
}

/** Every matching arrangement (no paging), for downloads. */
export async function listAllArrangements(filters: ArrangementFilters, limit = 10_000): Promise<{ rows: ArrangementRow[]; resolved: ResolvedFilters }> {
  const resolved = await resolveArrangementFilters(filters);
  if (resolved.unknown.length) return { rows: [], resolved };
  const { rows } = await queryArrangements(resolved, { limit, offset: 0, count: false, facets: false });
  return { rows: await arrangementRows(rows, resolved.date), resolved };
}
