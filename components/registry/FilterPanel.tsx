import Form from "next/form";
import type { ReactNode } from "react";
import NextLink from "next/link";
import { Button, Checkbox, Details, DetailsContent, DetailsSummary, Fieldset, FieldsetDescription, FieldsetLegend, Radio, Textfield } from "@digdir/designsystemet-react";
import type { ArrangementFilters } from "@/lib/arrangements/filters";
import type { FacetOption, Facets } from "@/lib/arrangements/facets";

interface FacetGroupProps {
  name: string;
  legend: string;
  options: FacetOption[];
  selected: string[];
  lowercase?: boolean;
  open?: boolean;
  /** Options left out (municipalities and regions at national scale), said in the group with where to find them. */
  omitted?: { count: number; noun: string; hint: string; href: string; all: string };
}

function FacetGroup({ name, legend, options, selected, lowercase, open, omitted }: FacetGroupProps) {
  const isSelected = (value: string) => selected.includes(value.toUpperCase()) || selected.includes(value);
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const selectedCount = options.filter((o) => isSelected(o.value)).length;
  return (
    <Details defaultOpen={open || selectedCount > 0} className="registry-facet">
      <DetailsSummary>
        {legend}
        {selectedCount ? ` (${selectedCount} valgt)` : ""}
      </DetailsSummary>
      <DetailsContent>
        {omitted?.count ? (
          <p className="ds-paragraph" data-size="sm">
            {omitted.count} {omitted.noun} med færre ordninger i utvalget er ikke listet her. {omitted.hint}Se også{" "}
            <NextLink href={omitted.href} className="ds-link">
              {omitted.all}
            </NextLink>
            .
          </p>
        ) : null}
        {groups.map((group) => (
          <Fieldset key={group || name} data-size="sm">
            <FieldsetLegend className={group ? undefined : "visually-hidden"}>{group || legend}</FieldsetLegend>
            <div className="registry-facet__options">
              {options
                .filter((o) => (o.group ?? "") === group)
                .map((o) => (
                  <Checkbox key={o.value} name={name} value={lowercase ? o.value.toLowerCase() : o.value} defaultChecked={isSelected(o.value)} label={`${o.label} (${o.count})`} data-size="sm" />
                ))}
            </div>
          </Fieldset>
        ))}
      </DetailsContent>
    </Details>
  );
}

/**
 * The filter form: a plain GET form (next/form navigates client-side, and it works without
 * JavaScript), so every filtered view is a URL. Sorting, page size and column choice are kept.
 */
export function FilterPanel({ filters, facets, action = "/ordninger", children }: { filters: ArrangementFilters; facets: Facets; action?: string; children?: ReactNode }) {
  return (
    <Form action={action} className="registry-filters" aria-labelledby="filter-overskrift">
      <h2 id="filter-overskrift" className="ds-heading" data-size="xs">
        Filtrer
      </h2>
      <Textfield label="Søk i ordninger" description="Navn, forkortelse (IKS, LVS, IKT) eller kommune" name="sok" type="search" defaultValue={filters.sok ?? ""} data-size="sm" />
      <FacetGroup
        name="kommune"
        legend="Kommune"
        options={facets.kommune}
        selected={filters.kommune}
        omitted={{ count: facets.omitted?.kommune ?? 0, noun: "kommuner", hint: "Søk etter kommunen med navn i søkefeltet. ", href: "/kommuner", all: "alle kommuner" }}
      />
      <FacetGroup
        name="region"
        legend="Region"
        options={facets.region}
        selected={filters.region}
        omitted={{ count: facets.omitted?.region ?? 0, noun: "regioner", hint: "", href: "/regioner", all: "alle regioner" }}
      />
      <FacetGroup name="sektor" legend="Sektor" options={facets.sektor} selected={filters.sektor} lowercase />
      <FacetGroup name="oppgave" legend="Oppgaveområde" options={facets.oppgave} selected={filters.oppgave} />
      <FacetGroup name="form" legend="Juridisk form" options={facets.form} selected={filters.form} lowercase />
      <FacetGroup name="nivaa" legend="Nivå" options={facets.nivaa} selected={filters.nivaa} />
      <FacetGroup name="etablert" legend="Etablert" options={facets.etablert} selected={filters.etablert} />
      <Fieldset data-size="sm">
        <FieldsetLegend>Over fylkesgrense</FieldsetLegend>
        <Radio name="kryss" value="" label="Alle" defaultChecked={!filters.kryss} />
        {facets.kryss.map((o) => (
          <Radio key={o.value} name="kryss" value={o.value} label={`${o.label} (${o.count})`} defaultChecked={filters.kryss === o.value} />
        ))}
      </Fieldset>
      <Fieldset data-size="sm">
        <FieldsetLegend>Status</FieldsetLegend>
        <FieldsetDescription>Aktiv på datoen under (i dag hvis tom)</FieldsetDescription>
        <Radio name="status" value="" label="Alle" defaultChecked={!filters.status} />
        {facets.status.map((o) => (
          <Radio key={o.value} name="status" value={o.value} label={`${o.label} (${o.count})`} defaultChecked={filters.status === o.value} />
        ))}
      </Fieldset>
      <Textfield label="Per dato" description="Vis ordninger og deltakere slik de var på datoen" name="dato" type="date" defaultValue={filters.dato ?? ""} data-size="sm" />
      {children}
      {filters.sorter ? <input type="hidden" name="sorter" value={filters.sorter} /> : null}
      {filters.retning ? <input type="hidden" name="retning" value={filters.retning} /> : null}
      {filters.antall !== 25 ? <input type="hidden" name="antall" value={String(filters.antall)} /> : null}
      {filters.skjul.length ? <input type="hidden" name="skjul" value={filters.skjul.join(",")} /> : null}
      <div className="registry-actions">
        <Button type="submit" data-size="sm">
          Bruk filter
        </Button>
        <NextLink href={action} className="ds-link">
          Nullstill
        </NextLink>
      </div>
    </Form>
  );
}
