import NextLink from "next/link";
import { filtersToSearchParams, type ArrangementFilters } from "@/lib/arrangements/filters";
import type { Facets } from "@/lib/arrangements/facets";

type ListKey = "kommune" | "region" | "sektor" | "oppgave" | "form" | "nivaa" | "etablert";
const LIST_LABELS: Record<ListKey, string> = {
  kommune: "Kommune",
  region: "Region",
  sektor: "Sektor",
  oppgave: "Oppgaveområde",
  form: "Juridisk form",
  nivaa: "Nivå",
  etablert: "Etablert",
};

/** How many filters are chosen (each value of a list counts), for «Filtrer (3)». */
export function activeFilterCount(filters: ArrangementFilters): number {
  const lists = (Object.keys(LIST_LABELS) as ListKey[]).reduce((sum, key) => sum + (filters[key] as string[]).length, 0);
  return lists + [filters.sok, filters.kryss, filters.status, filters.dato].filter(Boolean).length;
}

/** The chosen filters as a list of links that each remove one filter. */
export function ActiveFilters({ filters, facets, path = "/ordninger" }: { filters: ArrangementFilters; facets: Facets; path?: string }) {
  const items: { label: string; href: string }[] = [];
  const href = (next: Partial<ArrangementFilters>) => {
    const params = filtersToSearchParams({ ...filters, ...next, side: 1 });
    return params.size ? `${path}?${params}` : path;
  };
  for (const key of Object.keys(LIST_LABELS) as ListKey[]) {
    for (const value of filters[key] as string[]) {
      const option = facets[key].find((o) => o.value.toUpperCase() === value.toUpperCase());
      items.push({ label: `${LIST_LABELS[key]}: ${option?.label ?? value}`, href: href({ [key]: (filters[key] as string[]).filter((v) => v !== value) }) });
    }
  }
  if (filters.sok) items.push({ label: `Søk: «${filters.sok}»`, href: href({ sok: undefined }) });
  if (filters.kryss) items.push({ label: filters.kryss === "ja" ? "Krysser fylkesgrense" : "Innenfor ett fylke", href: href({ kryss: undefined }) });
  if (filters.status) items.push({ label: `Status: ${filters.status}`, href: href({ status: undefined }) });
  if (filters.dato) items.push({ label: `Per dato: ${filters.dato}`, href: href({ dato: undefined }) });
  if (!items.length) return null;
  return (
    <nav aria-label="Valgte filtre">
      <ul className="registry-chips">
        {items.map((item) => (
          <li key={item.label}>
            <NextLink href={item.href} className="registry-chip" aria-label={`Fjern filter ${item.label}`}>
              {item.label} <span aria-hidden="true">✕</span>
            </NextLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
