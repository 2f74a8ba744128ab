import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs, BreadcrumbsItem, BreadcrumbsLink, BreadcrumbsList, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { ArrangementGroups, HostedList, KeyFigureTable } from "@/components/registry/MunicipalitySections";
import "@/components/registry/registry.css";
import { formatInteger } from "@/lib/format";
import { municipalityPath } from "@/lib/municipalities";
import { regionDetail } from "@/lib/regions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await regionDetail((await params).slug);
  return { title: region?.name ?? "Region" };
}

export default async function RegionPage({ params }: Props) {
  const r = await regionDetail((await params).slug);
  if (!r) notFound();
  return (
    <article className="stack">
      <Breadcrumbs aria-label="Du er her">
        <BreadcrumbsList>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href="/regioner">Regioner</NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href={`/regioner/${r.slug}`} aria-current="page">
                {r.name}
              </NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
        </BreadcrumbsList>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {r.name}
      </Heading>
      {r.description ? <Paragraph>{r.description}</Paragraph> : null}
      {r.population2021 ? (
        <Paragraph data-size="sm">
          Innbyggere 1.1.2021 ({r.population2021.label}): {formatInteger(r.population2021.value)}. Kilde: {r.population2021.source}.
        </Paragraph>
      ) : null}

      <section aria-labelledby="kommunene" className="stack">
        <Heading level={2} data-size="md" id="kommunene">
          Kommunene i regionen
        </Heading>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Kommunene i ${r.name}`}>
          <Table zebra data-size="sm">
            <caption className="visually-hidden">Kommunene i {r.name}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Kommune</TableHeaderCell>
                <TableHeaderCell scope="col">Kommunenummer</TableHeaderCell>
                <TableHeaderCell scope="col">Fylke</TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Rapport 2021
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Ordninger i dag
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Vertskommune for
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.members.map((m) => (
                <TableRow key={m.id}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    <NextLink href={municipalityPath(m)} className="ds-link">
                      {m.name}
                    </NextLink>
                  </TableHeaderCell>
                  <TableCell>{m.currentCode ?? "–"}</TableCell>
                  <TableCell>{m.county ?? "–"}</TableCell>
                  <TableCell className="registry-number">{m.printedTotal === null ? "–" : formatInteger(m.printedTotal)}</TableCell>
                  <TableCell className="registry-number">{formatInteger(m.counts.total)}</TableCell>
                  <TableCell className="registry-number">{formatInteger(m.counts.hosts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <Paragraph data-size="sm">
          Avvik mellom rapporten og registeret er forklart på hver kommunes side.{" "}
          <NextLink href={`/ordninger?region=${r.slug}`} className="ds-link">
            Se ordningene i tabellen
          </NextLink>{" "}
          ·{" "}
          <NextLink href={`/kart?region=${r.slug}`} className="ds-link">
            Se samarbeidet på kartet
          </NextLink>
        </Paragraph>
      </section>

      <KeyFigureTable figures={r.keyFigures} printedSource={null} name={r.name} />
      <HostedList name={r.name} hosted={r.hosted} title="Vertskommuner i regionen" />
      <ArrangementGroups name={r.name} groups={r.groups} partnerLabel="Deltakere fra regionen" />
    </article>
  );
}
