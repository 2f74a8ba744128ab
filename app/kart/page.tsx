import type { Metadata } from "next";
import NextLink from "next/link";
import { Alert, Field, Heading, Label, Paragraph, Select, SelectOption, Textfield } from "@digdir/designsystemet-react";
import { CooperationMap } from "@/components/map/CooperationMap";
import { ActiveFilters } from "@/components/registry/ActiveFilters";
import { FilterPanel } from "@/components/registry/FilterPanel";
import "@/components/registry/registry.css";
import { EMPTY_FILTERS } from "@/lib/arrangements/filters";
import { arrangementFacets } from "@/lib/arrangements/facets";
import { resolveArrangementFilters } from "@/lib/arrangements/list";
import { toUrlSearchParams } from "@/lib/arrangements/search-params";
import { formatInteger } from "@/lib/format";
import { arrangementOptions, mapData, parseMapParams } from "@/lib/map";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kart over samarbeidet" };

export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseMapParams(toUrlSearchParams(await searchParams));
  const filters = parsed.ok ? parsed.filters : EMPTY_FILTERS;
  const options = parsed.ok ? { ordning: parsed.ordning, minst: parsed.minst } : { empty: true };
  const [data, facets, arrangements] = await Promise.all([mapData(filters, options), resolveArrangementFilters(filters, parsed.ok ? {} : { ids: [] }).then(arrangementFacets), arrangementOptions()]);
  const problems = parsed.ok ? data.unknown.map((u) => u.message) : [parsed.message];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Kart over samarbeidet
      </Heading>
      <Paragraph>
        Hver kommune står der den ligger. En strek mellom to kommuner betyr at de deltar i de samme ordningene, og jo tykkere streken er, jo flere ordninger deler de. Velg et oppgaveområde, en sektor,
        en juridisk form eller én ordning for å se hvem som samarbeider om hva.
      </Paragraph>
      <div className="registry-layout">
        <FilterPanel filters={filters} facets={facets} action="/kart">
          <Field data-size="sm">
            <Label htmlFor="kart-ordning">Én ordning</Label>
            <Select id="kart-ordning" name="ordning" defaultValue={parsed.ok ? (parsed.ordning ?? "") : ""}>
              <SelectOption value="">Alle ordninger i utvalget</SelectOption>
              {arrangements.map((a) => (
                <SelectOption key={a.slug} value={a.slug}>
                  {a.name}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Textfield
            label="Minst antall felles ordninger"
            description="Skjul svake forbindelser"
            name="minst"
            type="number"
            min={1}
            max={100}
            defaultValue={String(parsed.ok ? parsed.minst : 1)}
            data-size="sm"
          />
        </FilterPanel>
        <section className="stack" aria-labelledby="kart-resultat">
          <h2 id="kart-resultat" className="visually-hidden">
            Kartet
          </h2>
          {problems.length ? (
            <Alert data-color="warning" role="alert">
              <Heading level={2} data-size="xs">
                Kartet er tomt fordi filteret ikke kan brukes
              </Heading>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <NextLink href="/kart" className="ds-link">
                Vis hele kartet
              </NextLink>
            </Alert>
          ) : null}
          <ActiveFilters filters={filters} facets={facets} path="/kart" />
          <p className="ds-paragraph" role="status" data-testid="kart-status">
            {formatInteger(data.arrangements.length)} ordninger, {formatInteger(data.nodes.filter((n) => n.count > 0).length)} kommuner og {formatInteger(data.links.length)} forbindelser
            {data.minWeight > 1 ? ` med minst ${formatInteger(data.minWeight)} felles ordninger (av ${formatInteger(data.totalLinks)})` : ""}.
            {data.polygons.length ? " Fargen viser antall ordninger per kommune." : ""}
          </p>
          {data.unplaced.length ? <Paragraph data-size="sm">Uten kjent plassering (ikke tegnet): {data.unplaced.join(", ")}.</Paragraph> : null}
          <CooperationMap data={data} />
        </section>
      </div>
    </div>
  );
}
