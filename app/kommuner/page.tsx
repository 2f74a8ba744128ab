import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import "@/components/registry/registry.css";
import { formatInteger } from "@/lib/format";
import { listMunicipalities, municipalityPath, type MunicipalitySummary } from "@/lib/municipalities";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kommuner" };

function MunicipalityTable({ rows, caption }: { rows: MunicipalitySummary[]; caption: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Tabell: ${caption}`}>
      <Table zebra data-size="sm">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">Kommune</TableHeaderCell>
            <TableHeaderCell scope="col">Kommunenummer</TableHeaderCell>
            <TableHeaderCell scope="col">Nummer i 2021</TableHeaderCell>
            <TableHeaderCell scope="col">Region</TableHeaderCell>
            <TableHeaderCell scope="col">Fylke</TableHeaderCell>
            <TableHeaderCell scope="col" className="registry-number">
              Ordninger
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="registry-number">
              Vertskommune for
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="registry-number">
              Får bistand fra andre
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row" className="registry-row-header">
                <NextLink href={municipalityPath(m)} className="ds-link">
                  {m.name}
                </NextLink>
              </TableHeaderCell>
              <TableCell>{m.currentCode ?? "–"}</TableCell>
              <TableCell>{m.code2021 ?? "–"}</TableCell>
              <TableCell>
                {m.region ? (
                  <NextLink href={`/regioner/${m.region.slug}`} className="ds-link">
                    {m.region.name}
                  </NextLink>
                ) : (
                  "–"
                )}
              </TableCell>
              <TableCell>{m.county ?? "–"}</TableCell>
              <TableCell className="registry-number">{formatInteger(m.counts.total)}</TableCell>
              <TableCell className="registry-number">{formatInteger(m.counts.hosts)}</TableCell>
              <TableCell className="registry-number">{formatInteger(m.counts.assisted)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export default async function MunicipalitiesPage() {
  const all = await listMunicipalities();
  const surveyed = all.filter((m) => m.inSurveyScope);
  const others = all.filter((m) => !m.inSurveyScope && m.counts.total > 0);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Kommuner
      </Heading>
      <Paragraph>
        De {formatInteger(surveyed.length)} kommunene som ble kartlagt i 2021, og de andre kommunene de samarbeider med. Tallene er ordninger kommunen deltar i i dag. Et gammelt kommunenummer (f.eks.
        fra før 2024) fører til riktig kommune.
      </Paragraph>
      <section aria-labelledby="kartlagte" className="stack">
        <Heading level={2} data-size="md" id="kartlagte">
          Kartlagte kommuner
        </Heading>
        <MunicipalityTable rows={surveyed} caption="Kartlagte kommuner" />
      </section>
      <section aria-labelledby="andre" className="stack">
        <Heading level={2} data-size="md" id="andre">
          Andre kommuner som deltar i ordningene
        </Heading>
        <MunicipalityTable rows={others} caption="Andre kommuner som deltar i ordningene" />
      </section>
    </div>
  );
}
