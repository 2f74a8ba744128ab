import type { Metadata } from "next";
import Form from "next/form";
import NextLink from "next/link";
import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import "@/components/registry/registry.css";
import { formatInteger } from "@/lib/format";
import { globalSearch } from "@/lib/search/global";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Søk" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const result = await globalSearch(query);
  const hits = result.arrangements.total + result.municipalities.length + result.regions.length;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Søk
      </Heading>
      <Form action="/sok" role="search" aria-label="Søk i ordninger, kommuner og regioner" className="registry-search-form">
        <Textfield label="Søk etter ordning, kommune eller region" name="q" type="search" defaultValue={query} />
        <Button type="submit">Søk</Button>
      </Form>
      {query.trim() ? (
        <p className="ds-paragraph" role="status">
          {hits
            ? `Treff for «${result.query}»:`
            : `Ingen treff for «${result.query}». Prøv hele ord, et kommunenavn, en forkortelse (IKS, KO, IPR, LVS) eller et kommunenummer. Ord på tre tegn eller færre må passe et helt ord.`}
        </p>
      ) : (
        <Paragraph>Skriv navnet på en ordning, en forkortelse, en kommune, et kommunenummer eller en region.</Paragraph>
      )}
      {result.municipalities.length ? (
        <section aria-labelledby="treff-kommuner" className="stack">
          <Heading level={2} data-size="sm" id="treff-kommuner">
            Kommuner ({formatInteger(result.municipalities.length)})
          </Heading>
          <ul className="ds-list">
            {result.municipalities.map((m) => (
              <li key={m.slug}>
                <NextLink href={`/kommuner/${m.code ?? m.slug}`} className="ds-link">
                  {m.name}
                </NextLink>
                {m.code ? ` (${m.code})` : ""}
                {m.region ? ` – ${m.region}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.regions.length ? (
        <section aria-labelledby="treff-regioner" className="stack">
          <Heading level={2} data-size="sm" id="treff-regioner">
            Regioner ({formatInteger(result.regions.length)})
          </Heading>
          <ul className="ds-list">
            {result.regions.map((r) => (
              <li key={r.slug}>
                <NextLink href={`/regioner/${r.slug}`} className="ds-link">
                  {r.name}
                </NextLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.arrangements.total ? (
        <section aria-labelledby="treff-ordninger" className="stack">
          <Heading level={2} data-size="sm" id="treff-ordninger">
            Samarbeidsordninger ({formatInteger(result.arrangements.total)})
          </Heading>
          <ul className="ds-list">
            {result.arrangements.rows.map((r) => (
              <li key={r.slug}>
                <NextLink href={`/ordninger/${r.slug}`} className="ds-link">
                  {r.name}
                </NextLink>{" "}
                – {r.sector.name}
              </li>
            ))}
          </ul>
          {result.arrangements.total > result.arrangements.rows.length ? (
            <Paragraph>
              <NextLink href={`/ordninger?sok=${encodeURIComponent(result.query)}`} className="ds-link">
                Se alle {formatInteger(result.arrangements.total)} ordningene som passer
              </NextLink>
            </Paragraph>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
