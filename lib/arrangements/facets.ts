import "server-only";
import { prisma } from "@/lib/db";
import { ESTABLISHED_PERIODS } from "@/lib/domain/establishment";
import { LEVELS } from "@/lib/domain/levels";
import { currentCodesSql } from "@/lib/domain/sql/activity";
import type { FacetKey, ResolvedFilters } from "./base";
import { arrangementRows, pageOf } from "./list";
import { queryArrangements, type FacetCount, type FacetCounts } from "./query";
import type { ArrangementPage } from "./types";

/* The /ordninger facets: per filter value, how many arrangements it would give. */

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  group?: string;
}

/**
 * The options per facet, and per facet how many options were left out: at national scale the
 * municipality facet would list every municipality (1 428 at 4 × national, 650 kB of page), so a
 * group of more than MAX_MUNICIPALITY_OPTIONS shows the ones with most arrangements in the
 * selection (and every selected one); the search field finds any municipality by name.
 */
export type Facets = Record<FacetKey, FacetOption[]> & { omitted?: Partial<Record<FacetKey, number>> };

/** Above the 2021 registry's largest group (134 neighbouring municipalities), far below national scale. */
export const MAX_MUNICIPALITY_OPTIONS = 150;
/** Regions likewise: the 2021 registry has far fewer, 4 × national has 238. */
export const MAX_REGION_OPTIONS = 60;

/** At most `max` options of each group: the selected ones, then those with most hits; shown alphabetically. */
export function capGroups<T extends FacetOption & { selected: boolean }>(options: T[], max: number, collator: Intl.Collator): { kept: T[]; omitted: number } {
  const byGroup = new Map<string, T[]>();
  for (const option of options) byGroup.set(option.group ?? "", [...(byGroup.get(option.group ?? "") ?? []), option]);
  let omitted = 0;
  const kept: T[] = [];
  for (const group of byGroup.values()) {
    if (group.length <= max) {
      kept.push(...group);
      continue;
    }
    const chosen = [...group]
      .sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || collator.compare(a.label, b.label))
      .slice(0, Math.max(max, group.filter((o) => o.selected).length));
    omitted += group.length - chosen.length;
    kept.push(...chosen);
  }
  return { kept, omitted };
}

/**
 * Counts per facet value under all the other filters (the usual faceted-search rule), so each
 * checkbox says how many arrangements it would give. Options with 0 stay visible when selected.
 */
export async function arrangementFacets(r: ResolvedFilters): Promise<Facets> {
  const [result, lookups] = await Promise.all([queryArrangements(r, { limit: 0, offset: 0, count: false, facets: true }), facetLookups()]);
  return facetOptions(r, result.facets!, lookups);
}

/** /ordninger: the page and the facets from one statement (the base computed once, lib/arrangements/query.ts). */
export async function listWithFacets(r: ResolvedFilters): Promise<{ page: ArrangementPage; facets: Facets }> {
  const offset = (r.filters.side - 1) * r.filters.antall;
  const [result, lookups] = await Promise.all([queryArrangements(r, { limit: r.unknown.length ? 0 : r.filters.antall, offset, count: !r.unknown.length, facets: true }), facetLookups()]);
  const rows = await arrangementRows(result.rows, r.date);
  return { page: pageOf(r, result.total, rows), facets: facetOptions(r, result.facets!, lookups) };
}

interface FacetLookups {
  municipalities: { id: number; name: string; slug: string; inSurveyScope: boolean; code: string | null }[];
  regions: { id: number; slug: string; name: string }[];
  sectors: { code: string; name: string }[];
  taskAreas: { id: number; slug: string; name: string }[];
  forms: { code: string; name: string }[];
}

/** The facets' option lists (municipalities with today's code, regions, sectors, task areas, legal forms) in one statement. */
async function facetLookups(): Promise<FacetLookups> {
  const [row] = await prisma.$queryRaw<Record<keyof FacetLookups, unknown>[]>`SELECT
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'slug', m.slug, 'inSurveyScope', m."inSurveyScope", 'code', cur.code) ORDER BY m.id), '[]'::json)
      FROM "Municipality" m LEFT JOIN ${currentCodesSql()} cur ON cur."municipalityId" = m.id) AS municipalities,
    (SELECT coalesce(json_agg(json_build_object('id', g.id, 'slug', g.slug, 'name', g.name) ORDER BY g.name, g.id), '[]'::json) FROM "Region" g) AS regions,
    (SELECT coalesce(json_agg(json_build_object('code', s.code, 'name', s.name) ORDER BY s."sortOrder", s.id), '[]'::json) FROM "Sector" s) AS sectors,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name) ORDER BY t."sortOrder", t.id), '[]'::json) FROM "TaskArea" t) AS "taskAreas",
    (SELECT coalesce(json_agg(json_build_object('code', f.code, 'name', f.name) ORDER BY f.name, f.id), '[]'::json) FROM "LegalForm" f) AS forms`;
  const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
  return {
    municipalities: json(row!.municipalities),
    regions: json(row!.regions),
    sectors: json(row!.sectors),
    taskAreas: json(row!.taskAreas),
    forms: json(row!.forms),
  };
}

function facetOptions(r: ResolvedFilters, counts: FacetCounts, { municipalities, regions, sectors, taskAreas, forms }: FacetLookups): Facets {
  type Count = FacetCount;
  const { kommune, region, sektor, oppgave, form, nivaa, etablert, kryss, status } = counts;
  const countOf = (rows: Count[], value: string) => rows.find((row) => row.value === value)?.n ?? 0;
  const collator = new Intl.Collator("nb");
  const selectedMunicipalities = new Set(r.municipalityIds);
  const kommuneOptions = municipalities
    .map((m) => ({
      value: m.code ?? m.slug,
      label: m.name,
      count: countOf(kommune, String(m.id)),
      group: m.inSurveyScope ? "Kartlagte kommuner" : "Andre kommuner",
      selected: selectedMunicipalities.has(m.id),
    }))
    .filter((o) => o.count > 0 || o.selected || o.group === "Kartlagte kommuner");
  const capped = capGroups(kommuneOptions, MAX_MUNICIPALITY_OPTIONS, collator);
  const selectedRegions = new Set(r.regionIds);
  const cappedRegions = capGroups(
    regions.map((g, order) => ({ value: g.slug, label: g.name, count: countOf(region, String(g.id)), selected: selectedRegions.has(g.id), order })),
    MAX_REGION_OPTIONS,
    collator,
  );
  const withUnknownForm = [
    ...forms.map((f) => ({ value: f.code, label: f.name, count: countOf(form, f.code) })),
    { value: "UKJENT", label: "Ukjent / ikke registrert", count: countOf(form, "UKJENT") },
  ];
  return {
    ...(capped.omitted || cappedRegions.omitted ? { omitted: { ...(capped.omitted ? { kommune: capped.omitted } : {}), ...(cappedRegions.omitted ? { region: cappedRegions.omitted } : {}) } } : {}),
    kommune: capped.kept.sort((a, b) => (a.group === b.group ? collator.compare(a.label, b.label) : a.group === "Kartlagte kommuner" ? -1 : 1)).map(({ selected: _selected, ...o }) => o),
    region: cappedRegions.kept.sort((a, b) => a.order - b.order).map(({ selected: _selected, order: _order, ...o }) => o),
    sektor: sectors.map((s) => ({ value: s.code, label: s.name, count: countOf(sektor, s.code) })),
    oppgave: taskAreas.map((t) => ({ value: t.slug, label: t.name, count: countOf(oppgave, String(t.id)) })),
    form: withUnknownForm,
    nivaa: LEVELS.map((l) => ({ value: l.id, label: l.label, count: countOf(nivaa, l.id) })),
    etablert: ESTABLISHED_PERIODS.map((p) => ({ value: p.id, label: p.label, count: countOf(etablert, p.id) })),
    kryss: [
      { value: "ja", label: "Krysser fylkesgrense", count: countOf(kryss, "ja") },
      { value: "nei", label: "Innenfor ett fylke", count: countOf(kryss, "nei") },
    ],
    status: [
      { value: "aktive", label: "Aktive", count: countOf(status, "aktive") },
      { value: "avsluttede", label: "Avsluttede", count: countOf(status, "avsluttede") },
    ],
  };
}
