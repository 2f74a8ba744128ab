import type { Metadata } from "next";
import NextLink from "next/link";
import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { ActiveFilters, activeFilterCount } from "@/components/registry/ActiveFilters";
import { FoldOnNarrow } from "@/components/site/FoldOnNarrow";
import { ArrangementTable } from "@/components/registry/ArrangementTable";
import { FilterPanel } from "@/components/registry/FilterPanel";
import "@/components/registry/registry.css";
import { EMPTY_FILTERS, filtersToSearchParams, parseArrangementFilters } from "@/lib/arrangements/filters";
import { listWithFacets } from "@/lib/arrangements/facets";
import { resolveArrangementFilters } from "@/lib/arrangements/list";
import { toUrlSearchParams } from "@/lib/arrangements/search-params";
import { toTableRow } from "@/lib/arrangements/types";
import { formatDate, formatInteger } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Samarbeidsordninger" };

export default async function ArrangementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseArrangementFilters(toUrlSearchParams(await searchParams));
  const filters = parsed.ok ? parsed.filters : EMPTY_FILTERS;
  // Malformed parameters give an explained, empty result (never a guess at what was meant).
  const resolved = await resolveArrangementFilters(filters, parsed.ok ? {} : { ids: [] });
  const { page, facets } = await listWithFacets(resolved);
  const query = filtersToSearchParams({ ...filters, side: 1 });
  query.delete("side");
  const downloadQuery = (format: string) => {
    const params = new URLSearchParams(query);
    params.set("format", format);
    return `/ordninger/eksport?${params}`;
  };
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const problems = parsed.ok ? page.unknown.map((u) => u.message) : [parsed.message];

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Samarbeidsordninger
      </Heading>
      <Paragraph>Alle formelle interkommunale samarbeidsordninger i registeret. Filtrer, sorter og last ned utvalget; lenken i adressefeltet viser alltid det samme utvalget.</Paragraph>
      <Paragraph data-size="sm">
        Mangler en ordning? Kommunene og Statsforvalteren kan{" "}
        <NextLink href="/ordninger/ny" className="ds-link">
          registrere en ny ordning
        </NextLink>
        .
      </Paragraph>
      <div className="registry-layout">
        <FoldOnNarrow id="filtre" label={`Filtrer (${activeFilterCount(filters)})`} buttonClassName="filter-toggle" panelClassName="filter-fold">
          <FilterPanel filters={filters} facets={facets} />
        </FoldOnNarrow>
        <section className="stack registry-results" aria-labelledby="resultat-overskrift">
          <h2 id="resultat-overskrift" className="visually-hidden">
            Resultat
          </h2>
          {problems.length ? (
            <Alert data-color="warning" role="alert">
              <Heading level={2} data-size="xs">
                Ingen treff fordi filteret ikke kan brukes
              </Heading>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <Paragraph>
                <NextLink href="/ordninger" className="ds-link">
                  Vis alle ordninger
                </NextLink>
              </Paragraph>
            </Alert>
          ) : null}
          <ActiveFilters filters={filters} facets={facets} />
          <p className="ds-paragraph" role="status" data-testid="treff">
            {page.total === 0 ? "Ingen ordninger passer med filteret." : `Viser ${formatInteger(first)}–${formatInteger(last)} av ${formatInteger(page.total)} ordninger`}
            {filters.dato ? ` per ${formatDate(new Date(`${page.date}T00:00:00Z`))}` : ""}.
          </p>
          {page.total > 0 || !problems.length ? (
            <p className="ds-paragraph registry-downloads">
              Last ned utvalget:{" "}
              <a href={downloadQuery("csv")} className="ds-link" download>
                CSV
              </a>{" "}
              ·{" "}
              <a href={downloadQuery("xlsx")} className="ds-link" download>
                Excel (XLSX)
              </a>
            </p>
          ) : null}
          {page.rows.length ? (
            <ArrangementTable rows={page.rows.map(toTableRow)} total={page.total} page={page.page} pageSize={page.pageSize} sort={page.sort} hidden={filters.skjul} caption="Samarbeidsordninger" />
          ) : page.total > 0 ? (
            <Paragraph>
              Siden finnes ikke for dette utvalget.{" "}
              <NextLink href={`/ordninger?${query}`} className="ds-link">
                Gå til første side
              </NextLink>
              .
            </Paragraph>
          ) : null}
        </section>
      </div>
    </div>
  );
}
