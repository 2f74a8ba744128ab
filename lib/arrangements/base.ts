import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { arrangementActiveOn, arrangementEndedBefore, currentCountiesSql, participationActiveOn } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { establishedPeriodSql, establishedSortYearSql } from "@/lib/domain/sql/establishment";
import { levelSql } from "@/lib/domain/sql/levels";
import { arrangementRelevanceSql, arrangementSearchSql, type SearchPlan } from "@/lib/search/match";
import { searchTerms } from "@/lib/search/normalize";
import type { ArrangementSortKey } from "./columns";
import type { ArrangementFilters } from "./filters";
import type { UnknownFilterValue } from "./types";

/* The SQL of the arrangement list: the per-arrangement base, the filter conditions over it, the order. */

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

/**
 * `base`: one row per arrangement with everything the list filters and sorts on, computed for the
 * reference date (participants on that date, the level from them, cross-county on today's map).
 * `scope` (a SELECT of arrangement ids, see scopeOf) restricts the base before anything is computed.
 */
export function withBase(date: string, scope: Prisma.Sql | null = null): Prisma.Sql {
  const inScope = (column: Prisma.Sql) => (scope ? Prisma.sql`AND ${column} IN (${scope})` : Prisma.empty);
  // part: one row per (arrangement, municipality) taking part on the date, so counts need no DISTINCT
  // (a hash aggregate, no sort); cross-county is "more than one county" = min < max.
  return Prisma.sql`WITH part AS (
      SELECT DISTINCT p."arrangementId", p."municipalityId" FROM "Participation" p WHERE ${participationActiveOn("p", date)} ${inScope(Prisma.sql`p."arrangementId"`)}
    ),
    stats AS (
      SELECT part."arrangementId" AS id,
        count(*)::int AS named,
        min(mc."countyId") < max(mc."countyId") AS cross_county
      FROM part
      LEFT JOIN ${currentCountiesSql()} mc ON mc."municipalityId" = part."municipalityId"
      GROUP BY part."arrangementId"
    ),
    task_order AS (
      SELECT ata."arrangementId" AS id, min(t."sortOrder") AS task_order FROM "ArrangementTaskArea" ata JOIN "TaskArea" t ON t.id = ata."taskAreaId" WHERE TRUE ${inScope(Prisma.sql`ata."arrangementId"`)} GROUP BY ata."arrangementId"
    ),
    base AS (
      SELECT a.id, a.slug, a.name,
        s.code AS sector_code, s."sortOrder" AS sector_order,
        lf.code AS form_code, lf.name AS form_name, h.name AS host_name,
        coalesce(st.named, 0) AS named_count,
        greatest(coalesce(st.named, 0), coalesce(a."statedParticipantCount", 0)) AS participant_count,
        coalesce(st.cross_county, FALSE) AS cross_county,
        ${arrangementActiveOn("a", date)} AS active,
        ${arrangementEndedBefore("a", date)} AS ended,
        ${establishedPeriodSql("a")} AS period,
        ${establishedSortYearSql("a")} AS established_sort,
        tord.task_order,
        a."searchText" AS search_text, a."searchDescription" AS search_description,
        a."hostMunicipalityId" AS host_id, a."legalFormId" AS form_id
      FROM "Arrangement" a
      JOIN "Sector" s ON s.id = a."sectorId"
      LEFT JOIN "LegalForm" lf ON lf.id = a."legalFormId"
      LEFT JOIN "Municipality" h ON h.id = a."hostMunicipalityId"
      LEFT JOIN stats st ON st.id = a.id
      LEFT JOIN task_order tord ON tord.id = a.id
      WHERE TRUE ${inScope(Prisma.sql`a.id`)}
    ),
    b AS (SELECT base.*, ${levelSql(Prisma.sql`base.participant_count`)} AS level FROM base)`;
}

export type FacetKey = "kommune" | "region" | "sektor" | "oppgave" | "form" | "nivaa" | "etablert" | "kryss" | "status";

/** WHERE conditions over `b` (the base rows), optionally leaving one facet out for facet counts: alwaysConditions AND facetConditions. */
export function conditions(r: ResolvedFilters, except?: FacetKey): Prisma.Sql {
  return Prisma.sql`${alwaysConditions(r)} AND ${facetConditions(r, except)}`;
}

/** The conditions no facet leaves out (the ids, the search): query.ts applies them once. */
export function alwaysConditions(r: ResolvedFilters): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (r.ids) c.push(Prisma.sql`b.id = ANY(${r.ids}::int[])`);
  c.push(...arrangementSearchSql(r.search));
  return Prisma.join(c, " AND ");
}

/** The conditions of the filters that are facets, optionally leaving one out. */
export function facetConditions(r: ResolvedFilters, except?: FacetKey): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const f = r.filters;
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

export function orderBy(r: ResolvedFilters): Prisma.Sql {
  const { key, direction } = effectiveSort(r.filters);
  const dir = Prisma.raw(direction === "synkende" ? "DESC" : "ASC");
  const primary = key === "relevans" ? arrangementRelevanceSql(r.search) : SORT_SQL[key];
  return Prisma.sql`ORDER BY ${primary} ${dir} NULLS LAST, b.name ${NORWEGIAN_COLLATION} ASC, b.id ASC`;
}

/**
 * Arrangement ids the filters can never leave, so the base is computed for them alone: the given ids
 * (detail and municipality pages), or those with a participation of the chosen municipalities. The
 * conditions still decide; this is a superset. Null when facets are wanted: the kommune facet counts
 * what the other municipalities would give.
 */
export function scopeOf(r: ResolvedFilters, forFacets: boolean): Prisma.Sql | null {
  if (r.ids) return Prisma.sql`SELECT unnest(${r.ids}::int[])`;
  if (!forFacets && r.filters.kommune.length) return Prisma.sql`SELECT sp."arrangementId" FROM "Participation" sp WHERE sp."municipalityId" = ANY(${r.municipalityIds}::int[])`;
  return null;
}
