import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { establishedLabel, type EstablishedPeriod } from "@/lib/domain/establishment";
import { levelOf } from "@/lib/domain/levels";
import type { ParticipationRoleName } from "@/lib/domain/roles";
import { arrangementActiveOn, arrangementEndedBefore, currentCodesSql, currentCountiesSql, participationActiveOn } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { establishedPeriodSql, establishedSortYearSql } from "@/lib/domain/sql/establishment";
import { levelSql } from "@/lib/domain/sql/levels";
import { isoDateOf } from "@/lib/domain/today";
import { arrangementRelevanceSql, arrangementSearchSql, resolveSearch, type SearchPlan } from "@/lib/search/match";
import { searchTerms } from "@/lib/search/normalize";
import type { ArrangementSortKey } from "./columns";
import { effectiveDateAndStatus, type ArrangementFilters } from "./filters";
import type { ArrangementPage, ArrangementRow, MunicipalityRef, UnknownFilterValue } from "./types";

/** Filters with their values resolved to database ids (unknown values reported, never guessed). */
export interface ResolvedFilters {
  filters: ArrangementFilters;
  date: string;
  status: "alle" | "aktive" | "avsluttede";
  municipalityIds: number[];
  regionIds: number[];
  sectorCodes: string[];
  taskAreaIds: number[];
  formCodes: string[];
  includeUnknownForm: boolean;
  /** The free-text query resolved by the one search rule (lib/search/match.ts). */
  search: SearchPlan;
  /** Restricts to these arrangement ids (internal use: detail pages, municipality pages). */
  ids?: number[];
  unknown: UnknownFilterValue[];
}

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

/**
 * `base`: one row per arrangement with everything the list filters and sorts on, computed for the
 * reference date (participants on that date, the level from them, cross-county on today's map).
 */
export function withBase(date: string): Prisma.Sql {
  return Prisma.sql`WITH part AS (
      SELECT p."arrangementId", p."municipalityId" FROM "Participation" p WHERE ${participationActiveOn("p", date)}
    ),
    stats AS (
      SELECT part."arrangementId" AS id,
        count(DISTINCT part."municipalityId")::int AS named,
        count(DISTINCT mc."countyId")::int AS counties
      FROM part
      LEFT JOIN ${currentCountiesSql()} mc ON mc."municipalityId" = part."municipalityId"
      GROUP BY part."arrangementId"
    ),
    base AS (
      SELECT a.id, a.slug, a.name,
        s.code AS sector_code, s."sortOrder" AS sector_order,
        lf.code AS form_code, lf.name AS form_name, h.name AS host_name,
        coalesce(st.named, 0) AS named_count,
        greatest(coalesce(st.named, 0), coalesce(a."statedParticipantCount", 0)) AS participant_count,
        coalesce(st.counties, 0) > 1 AS cross_county,
        ${arrangementActiveOn("a", date)} AS active,
        ${arrangementEndedBefore("a", date)} AS ended,
        ${establishedPeriodSql("a")} AS period,
        ${establishedSortYearSql("a")} AS established_sort,
        (SELECT min(t."sortOrder") FROM "ArrangementTaskArea" ata JOIN "TaskArea" t ON t.id = ata."taskAreaId" WHERE ata."arrangementId" = a.id) AS task_order,
        a."searchText" AS search_text, a."searchDescription" AS search_description,
        a."hostMunicipalityId" AS host_id, a."legalFormId" AS form_id
      FROM "Arrangement" a
      JOIN "Sector" s ON s.id = a."sectorId"
      LEFT JOIN "LegalForm" lf ON lf.id = a."legalFormId"
      LEFT JOIN "Municipality" h ON h.id = a."hostMunicipalityId"
      LEFT JOIN stats st ON st.id = a.id
    ),
    b AS (SELECT base.*, ${levelSql(Prisma.sql`base.participant_count`)} AS level FROM base)`;
}

export type FacetKey = "kommune" | "region" | "sektor" | "oppgave" | "form" | "nivaa" | "etablert" | "kryss" | "status";

/** WHERE conditions over `b` (the base rows), optionally leaving one facet out for facet counts. */
export function conditions(r: ResolvedFilters, except?: FacetKey): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const f = r.filters;
  if (r.ids) c.push(Prisma.sql`b.id = ANY(${r.ids}::int[])`);
  if (except !== "kommune" && f.kommune.length) c.push(Prisma.sql`b.id IN (SELECT "arrangementId" FROM part WHERE "municipalityId" = ANY(${r.municipalityIds}::int[]))`);
  if (except !== "region" && f.region.length)
    c.push(Prisma.sql`b.id IN (SELECT part."arrangementId" FROM part JOIN "Municipality" m ON m.id = part."municipalityId" WHERE m."regionId" = ANY(${r.regionIds}::int[]))`);
  if (except !== "sektor" && f.sektor.length) c.push(Prisma.sql`b.sector_code = ANY(${r.sectorCodes}::text[])`);
  if (except !== "oppgave" && f.oppgave.length) c.push(Prisma.sql`b.id IN (SELECT "arrangementId" FROM "ArrangementTaskArea" WHERE "taskAreaId" = ANY(${r.taskAreaIds}::int[]))`);
  if (except !== "form" && f.form.length)
    c.push(r.includeUnknownForm ? Prisma.sql`(b.form_code = ANY(${r.formCodes}::text[]) OR b.form_code IS NULL)` : Prisma.sql`b.form_code = ANY(${r.formCodes}::text[])`);
  if (except !== "nivaa" && f.nivaa.length) c.push(Prisma.sql`b.level = ANY(${f.nivaa}::text[])`);
  if (except !== "etablert" && f.etablert.length) c.push(Prisma.sql`b.period = ANY(${f.etablert}::text[])`);
  if (except !== "kryss" && f.kryss) c.push(f.kryss === "ja" ? Prisma.sql`b.cross_county` : Prisma.sql`NOT b.cross_county`);
  if (except !== "status") {
    if (r.status === "aktive") c.push(Prisma.sql`b.active`);
    if (r.status === "avsluttede") c.push(Prisma.sql`b.ended`);
  }
  c.push(...arrangementSearchSql(r.search));
  return Prisma.join(c, " AND ");
}

const SORT_SQL: Record<Exclude<ArrangementSortKey, "relevans">, Prisma.Sql> = {
  navn: Prisma.sql`b.name ${NORWEGIAN_COLLATION}`,
  sektor: Prisma.sql`b.sector_order`,
  oppgave: Prisma.sql`b.task_order`,
  form: Prisma.sql`b.form_name ${NORWEGIAN_COLLATION}`,
  vert: Prisma.sql`b.host_name ${NORWEGIAN_COLLATION}`,
  deltakere: Prisma.sql`b.participant_count`,
  nivaa: Prisma.sql`b.participant_count`,
  etablert: Prisma.sql`b.established_sort`,
  kryss: Prisma.sql`b.cross_county`,
};

export function effectiveSort(filters: ArrangementFilters): { key: ArrangementSortKey; direction: "stigende" | "synkende" } {
  const searching = Boolean(filters.sok && searchTerms(filters.sok).length);
  const key = filters.sorter && !(filters.sorter === "relevans" && !searching) ? filters.sorter : searching ? "relevans" : "navn";
  return { key, direction: filters.retning ?? (key === "relevans" ? "synkende" : "stigende") };
}

function orderBy(r: ResolvedFilters): Prisma.Sql {
  const { key, direction } = effectiveSort(r.filters);
  const dir = Prisma.raw(direction === "synkende" ? "DESC" : "ASC");
  const primary = key === "relevans" ? arrangementRelevanceSql(r.search) : SORT_SQL[key];
  return Prisma.sql`ORDER BY ${primary} ${dir} NULLS LAST, b.name ${NORWEGIAN_COLLATION} ASC, b.id ASC`;
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
  const rows = await prisma.$queryRaw<{ id: number }[]>`${withBase(r.date)} SELECT b.id FROM b WHERE ${conditions(r)} ${orderBy(r)} LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** One page of arrangements for /ordninger and GET /api/v1/ordninger. */
export async function listArrangements(filters: ArrangementFilters): Promise<ArrangementPage> {
  const r = await resolveArrangementFilters(filters);
  return listResolved(r);
}

export async function listResolved(r: ResolvedFilters): Promise<ArrangementPage> {
  if (r.unknown.length) return emptyPage(r);
  const offset = (r.filters.side - 1) * r.filters.antall;
  const [countRows, idRows] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`${withBase(r.date)} SELECT count(*)::int AS n FROM b WHERE ${conditions(r)}`,
    prisma.$queryRaw<{ id: number }[]>`${withBase(r.date)} SELECT b.id FROM b WHERE ${conditions(r)} ${orderBy(r)} LIMIT ${r.filters.antall} OFFSET ${offset}`,
  ]);
  const total = countRows[0]?.n ?? 0;
  const rows = await arrangementRows(
    idRows.map((row) => row.id),
    r.date,
  );
  return {
    ...emptyPage(r),
    total,
    pageCount: Math.ceil(total / r.filters.antall),
    rows,
  };
}

/** Every matching arrangement (no paging), for downloads. */
export async function listAllArrangements(filters: ArrangementFilters, limit = 10_000): Promise<{ rows: ArrangementRow[]; resolved: ResolvedFilters }> {
  const resolved = await resolveArrangementFilters(filters);
  const ids = await matchingArrangementIds(resolved, limit);
  return { rows: await arrangementRows(ids, resolved.date), resolved };
}

interface BaseFacts {
  id: number;
  named_count: number;
  participant_count: number;
  cross_county: boolean;
  active: boolean;
  period: EstablishedPeriod;
}

interface ParticipantFact {
  arrangementId: number;
  municipalityId: number;
  role: ParticipationRoleName;
  slug: string;
  name: string;
  code: string | null;
}

/** Full rows for the given arrangement ids, in the given order, with participants as of `date`. */
export async function arrangementRows(ids: number[], date: string): Promise<ArrangementRow[]> {
  if (!ids.length) return [];
  const [facts, participants, arrangements] = await Promise.all([
    prisma.$queryRaw<BaseFacts[]>`${withBase(date)} SELECT b.id, b.named_count, b.participant_count, b.cross_county, b.active, b.period FROM b WHERE b.id = ANY(${ids}::int[])`,
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
