import "server-only";
import { prisma } from "@/lib/db";
import { establishedLabel } from "@/lib/domain/establishment";
import { levelOf } from "@/lib/domain/levels";
import type { ParticipationRoleName } from "@/lib/domain/roles";
import { currentCodesSql, participationActiveOn } from "@/lib/domain/sql/activity";
import { NORWEGIAN_COLLATION } from "@/lib/domain/sql/alias";
import { EMPTY_SEARCH } from "@/lib/search/match";
import type { ResolvedFilters } from "./base";
import { EMPTY_FILTERS, type ArrangementFilters } from "./filters";
import { queryArrangements, type BaseFacts } from "./query";
import type { ArrangementRow } from "./types";

/** The base facts of these arrangements, computed for them alone (the base scoped to the ids). */
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

interface RowFacts {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  description: string | null;
  establishedYear: number | null;
  establishedPeriodFrom: number | null;
  establishedPeriodTo: number | null;
  establishedUnspecified: boolean;
  end_date: string | null;
  orgNr: string | null;
  sector_code: string;
  sector_name: string;
  form_code: string | null;
  form_name: string | null;
  form_inferred: boolean | null;
  host_id: number | null;
  host_slug: string | null;
  host_name: string | null;
  host_code: string | null;
  task_areas: { slug: string; name: string }[] | string | null;
  participants: { id: number; slug: string; name: string; code: string | null; role: ParticipationRoleName }[] | string | null;
  source: string | null;
}

const asJson = <T>(value: T | string | null, empty: T): T => (value === null ? empty : typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Full rows, in the given order, with participants as of `date`: for ids (their base facts are
 * computed for them alone) or for base facts a list query already returned. One statement for the
 * arrangements with their sector, legal form, host, task areas, participants and source
 * (docs/decisions/0050): the current codes are joined once, never looked up per row.
 */
export async function arrangementRows(idsOrFacts: number[] | BaseFacts[], date: string): Promise<ArrangementRow[]> {
  if (!idsOrFacts.length) return [];
  const given = typeof idsOrFacts[0] === "number" ? null : (idsOrFacts as BaseFacts[]);
  const ids = given ? given.map((f) => f.id) : (idsOrFacts as number[]);
  const [facts, rows] = await Promise.all([
    given ?? baseFactsOf(ids, date),
    prisma.$queryRaw<RowFacts[]>`WITH cur AS MATERIALIZED ${currentCodesSql()},
      pp AS (
        SELECT p."arrangementId" AS id,
          json_agg(json_build_object('id', m.id, 'slug', m.slug, 'name', m.name, 'code', cur.code, 'role', p.role::text) ORDER BY m.name ${NORWEGIAN_COLLATION}, m.id) AS participants
        FROM "Participation" p JOIN "Municipality" m ON m.id = p."municipalityId" LEFT JOIN cur ON cur."municipalityId" = m.id
        WHERE p."arrangementId" = ANY(${ids}::int[]) AND ${participationActiveOn("p", date)}
        GROUP BY p."arrangementId"
      ),
      ta AS (
        SELECT ata."arrangementId" AS id, json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t."sortOrder", t.id) AS task_areas
        FROM "ArrangementTaskArea" ata JOIN "TaskArea" t ON t.id = ata."taskAreaId"
        WHERE ata."arrangementId" = ANY(${ids}::int[])
        GROUP BY ata."arrangementId"
      ),
      pv AS (
        SELECT pr."arrangementId" AS id,
          bool_or(pr.field = 'legalForm' AND pr.confidence = 'INFERRED') AS form_inferred,
          (array_agg(pr.source ORDER BY pr.id) FILTER (WHERE pr.field = 'arrangement'))[1] AS source
        FROM "Provenance" pr
        WHERE pr."arrangementId" = ANY(${ids}::int[]) AND pr.field IN ('arrangement', 'legalForm')
        GROUP BY pr."arrangementId"
      )
      SELECT a.id, a.slug, a.name, a."shortName", a.description, a."establishedYear", a."establishedPeriodFrom", a."establishedPeriodTo", a."establishedUnspecified",
        to_char(a."endDate", 'YYYY-MM-DD') AS end_date, a."orgNr",
        s.code AS sector_code, s.name AS sector_name, lf.code AS form_code, lf.name AS form_name, pv.form_inferred,
        h.id AS host_id, h.slug AS host_slug, h.name AS host_name, hc.code AS host_code,
        ta.task_areas, pp.participants, pv.source
      FROM "Arrangement" a
      JOIN "Sector" s ON s.id = a."sectorId"
      LEFT JOIN "LegalForm" lf ON lf.id = a."legalFormId"
      LEFT JOIN "Municipality" h ON h.id = a."hostMunicipalityId"
      LEFT JOIN cur hc ON hc."municipalityId" = h.id
      LEFT JOIN pp ON pp.id = a.id
      LEFT JOIN ta ON ta.id = a.id
      LEFT JOIN pv ON pv.id = a.id
      WHERE a.id = ANY(${ids}::int[])`,
  ]);
  const factById = new Map(facts.map((f) => [f.id, f]));
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    const fact = factById.get(id);
    if (!a || !fact) return [];
    const row: ArrangementRow = {
      id: a.id,
      slug: a.slug,
      name: a.name,
      shortName: a.shortName,
      description: a.description,
      sector: { code: a.sector_code, name: a.sector_name },
      taskAreas: asJson(a.task_areas, []),
      legalForm: a.form_code && a.form_name ? { code: a.form_code, name: a.form_name, inferred: a.form_inferred === true } : null,
      host: a.host_id !== null && a.host_slug && a.host_name ? { id: a.host_id, slug: a.host_slug, name: a.host_name, code: a.host_code } : null,
      participants: asJson(a.participants, []),
      namedParticipantCount: fact.named_count,
      participantCount: fact.participant_count,
      level: levelOf(fact.participant_count),
      crossCounty: fact.cross_county,
      establishedYear: a.establishedYear,
      establishedLabel: establishedLabel(a),
      period: fact.period,
      endDate: a.end_date,
      active: fact.active,
      orgNr: a.orgNr,
      source: a.source,
    };
    return [row];
  });
}
