import "server-only";
import { prisma } from "@/lib/db";
import { CURRENT_WHERE } from "@/lib/domain/activity";
import { ESTABLISHED_PERIODS } from "@/lib/domain/establishment";
import { LEVELS } from "@/lib/domain/levels";
import { conditions, withBase, type FacetKey, type ResolvedFilters } from "./list";

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
  const base = withBase(r.date);
  type Count = { value: string | null; n: number };
  const [kommune, region, sektor, oppgave, form, nivaa, etablert, kryss, status, municipalities, regions, sectors, taskAreas, forms] = await Promise.all([
    prisma.$queryRaw<
      Count[]
    >`${base} SELECT part."municipalityId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN part ON part."arrangementId" = b.id WHERE ${conditions(r, "kommune")} GROUP BY 1`,
    prisma.$queryRaw<
      Count[]
    >`${base} SELECT m."regionId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN part ON part."arrangementId" = b.id JOIN "Municipality" m ON m.id = part."municipalityId" WHERE ${conditions(r, "region")} AND m."regionId" IS NOT NULL GROUP BY 1`,
    prisma.$queryRaw<Count[]>`${base} SELECT b.sector_code AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "sektor")} GROUP BY 1`,
    prisma.$queryRaw<
      Count[]
    >`${base} SELECT ata."taskAreaId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN "ArrangementTaskArea" ata ON ata."arrangementId" = b.id WHERE ${conditions(r, "oppgave")} GROUP BY 1`,
    prisma.$queryRaw<Count[]>`${base} SELECT coalesce(b.form_code, 'UKJENT') AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "form")} GROUP BY 1`,
    prisma.$queryRaw<Count[]>`${base} SELECT b.level AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "nivaa")} GROUP BY 1`,
    prisma.$queryRaw<Count[]>`${base} SELECT b.period AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "etablert")} GROUP BY 1`,
    prisma.$queryRaw<Count[]>`${base} SELECT CASE WHEN b.cross_county THEN 'ja' ELSE 'nei' END AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "kryss")} GROUP BY 1`,
    prisma.$queryRaw<
      Count[]
    >`${base} SELECT CASE WHEN b.active THEN 'aktive' WHEN b.ended THEN 'avsluttede' ELSE 'ikke-startet' END AS value, count(*)::int AS n FROM b WHERE ${conditions(r, "status")} GROUP BY 1`,
    prisma.municipality.findMany({ select: { id: true, name: true, slug: true, inSurveyScope: true, codes: { where: CURRENT_WHERE } }, orderBy: { id: "asc" } }),
    prisma.region.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.sector.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.taskArea.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.legalForm.findMany({ orderBy: { name: "asc" } }),
  ]);
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
