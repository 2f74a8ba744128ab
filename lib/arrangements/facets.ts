import "server-only";
import { prisma } from "@/lib/db";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { ESTABLISHED_PERIODS } from "@/lib/domain/establishment";
import { LEVELS } from "@/lib/domain/levels";
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

export type Facets = Record<FacetKey, FacetOption[]>;

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

function facetLookups() {
  return Promise.all([
    prisma.municipality.findMany({ select: { id: true, name: true, slug: true, inSurveyScope: true, codes: { where: CURRENT_WHERE } }, orderBy: { id: "asc" } }),
    prisma.region.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.sector.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.taskArea.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.legalForm.findMany({ orderBy: { name: "asc" } }),
  ]);
}

function facetOptions(r: ResolvedFilters, counts: FacetCounts, [municipalities, regions, sectors, taskAreas, forms]: Awaited<ReturnType<typeof facetLookups>>): Facets {
  type Count = FacetCount;
  const { kommune, region, sektor, oppgave, form, nivaa, etablert, kryss, status } = counts;
  const countOf = (rows: Count[], value: string) => rows.find((row) => row.value === value)?.n ?? 0;
  const collator = new Intl.Collator("nb");
  const selectedMunicipalities = new Set(r.municipalityIds);
  const kommuneOptions = municipalities
    .map((m) => ({
      value: m.codes[0]?.code ?? m.slug,
      label: m.name,
      count: countOf(kommune, String(m.id)),
      group: m.inSurveyScope ? "Kartlagte kommuner" : "Andre kommuner",
      selected: selectedMunicipalities.has(m.id),
    }))
    .filter((o) => o.count > 0 || o.selected || o.group === "Kartlagte kommuner")
    .sort((a, b) => (a.group === b.group ? collator.compare(a.label, b.label) : a.group === "Kartlagte kommuner" ? -1 : 1))
    .map(({ selected: _selected, ...o }) => o);
  const withUnknownForm = [
    ...forms.map((f) => ({ value: f.code, label: f.name, count: countOf(form, f.code) })),
    { value: "UKJENT", label: "Ukjent / ikke registrert", count: countOf(form, "UKJENT") },
  ];
  return {
    kommune: kommuneOptions,
    region: regions.map((g) => ({ value: g.slug, label: g.name, count: countOf(region, String(g.id)) })),
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
