import "server-only";
import { prisma } from "@/lib/db";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { establishedLabel } from "@/lib/domain/establishment";
import { levelOf } from "@/lib/domain/levels";
import type { ParticipationRoleName } from "@/lib/domain/roles";
import { currentCodesSql, participationActiveOn } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { isoDateOf } from "@/lib/domain/today";
import { EMPTY_SEARCH, resolveSearch } from "@/lib/search/match";
import { effectiveSort, type ResolvedFilters } from "./base";
import { EMPTY_FILTERS, effectiveDateAndStatus, type ArrangementFilters } from "./filters";
import { queryArrangements, type BaseFacts } from "./query";
import type { ArrangementPage, ArrangementRow, MunicipalityRef, UnknownFilterValue } from "./types";

export { effectiveSort, type FacetKey, type ResolvedFilters } from "./base";

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

/** The base facts of these arrangements, computed for them alone. */
async function baseFactsOf(ids: number[], date: string): Promise<BaseFacts[]> {
  const filters: ArrangementFilters = { ...EMPTY_FILTERS, dato: date, status: "alle" };
  const r: ResolvedFilters = {
    filters,
    date,
    status: "alle",
    municipalityIds: [],
    regionIds: [],
    sectorCodes: [],
    taskAreaIds: [],
    formCodes: [],
    includeUnknownForm: false,
    search: EMPTY_SEARCH,
    ids,
    unknown: [],
  };
  return (await queryArrangements(r, { limit: ids.length, offset: 0, count: false, facets: false })).rows;
}

interface ParticipantFact {
  arrangementId: number;
  municipalityId: number;
  role: ParticipationRoleName;
  slug: string;
  name: string;
  code: string | null;
}

/**
 * Full rows, in the given order, with participants as of `date`: for ids (their base facts are
 * computed for them alone) or for base facts a list query already returned.
 */
export async function arrangementRows(idsOrFacts: number[] | BaseFacts[], date: string): Promise<ArrangementRow[]> {
  if (!idsOrFacts.length) return [];
  const given = typeof idsOrFacts[0] === "number" ? null : (idsOrFacts as BaseFacts[]);
  const ids = given ? given.map((f) => f.id) : (idsOrFacts as number[]);
  const [facts, participants, arrangements] = await Promise.all([
    given ?? baseFactsOf(ids, date),
    prisma.$queryRaw<ParticipantFact[]>`SELECT p."arrangementId", p."municipalityId", p.role::text AS role, m.slug, m.name, cur.code
      FROM "Participation" p JOIN "Municipality" m ON m.id = p."municipalityId" LEFT JOIN ${currentCodesSql()} cur ON cur."municipalityId" = m.id
      WHERE p."arrangementId" = ANY(${ids}::int[]) AND ${participationActiveOn("p", date)}
      ORDER BY m.name ${NORWEGIAN_COLLATION}`,
    prisma.arrangement.findMany({
      where: { id: { in: ids } },
      include: {
        sector: true,
        legalForm: true,
        host: { include: { codes: { where: CURRENT_WHERE } } },
        taskAreas: { include: { taskArea: true }, orderBy: { taskArea: { sortOrder: "asc" } } },
        provenance: { where: { field: { in: ["arrangement", "legalForm"] } }, orderBy: { id: "asc" } },
      },
    }),
  ]);
  const factById = new Map(facts.map((f) => [f.id, f]));
  const byId = new Map(arrangements.map((a) => [a.id, a]));
  const participantsById = new Map<number, ParticipantFact[]>();
  for (const p of participants) participantsById.set(p.arrangementId, [...(participantsById.get(p.arrangementId) ?? []), p]);
  return ids.flatMap((id) => {
    const a = byId.get(id);
    const fact = factById.get(id);
    if (!a || !fact) return [];
    const host: MunicipalityRef | null = a.host ? { id: a.host.id, slug: a.host.slug, name: a.host.name, code: a.host.codes[0]?.code ?? null } : null;
    const row: ArrangementRow = {
      id: a.id,
      slug: a.slug,
      name: a.name,
      shortName: a.shortName,
      description: a.description,
      sector: { code: a.sector.code, name: a.sector.name },
      taskAreas: a.taskAreas.map((t) => ({ slug: t.taskArea.slug, name: t.taskArea.name })),
      legalForm: a.legalForm ? { code: a.legalForm.code, name: a.legalForm.name, inferred: a.provenance.some((p) => p.field === "legalForm" && p.confidence === "INFERRED") } : null,
      host,
      participants: (participantsById.get(id) ?? []).map((p) => ({ id: p.municipalityId, slug: p.slug, name: p.name, code: p.code, role: p.role })),
      namedParticipantCount: fact.named_count,
      participantCount: fact.participant_count,
      level: levelOf(fact.participant_count),
      crossCounty: fact.cross_county,
      establishedYear: a.establishedYear,
      establishedLabel: establishedLabel(a),
      period: fact.period,
      endDate: isoDateOf(a.endDate),
      active: fact.active,
      orgNr: a.orgNr,
      source: a.provenance.find((p) => p.field === "arrangement")?.source ?? null,
    };
    return [row];
  });
}
