import type { Metadata } from "next";
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { allDeviationsWithNames, type Deviation } from "@/lib/baseline";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Om dataene" };
export const dynamic = "force-dynamic";

const statisticLabels: Record<string, string> = {
  arrangementsPerMunicipality: "Ordninger per kommune",
  meanPerMunicipality: "Snitt per kommune",
  meanByPopulationClass: "Snitt etter innbyggertall",
  maxPerMunicipality: "Flest ordninger",
  chapter4List: "Kommuneliste i kapittel 4",
  taskAreaParticipation: "Deltakelse per oppgaveområde",
  hostCount: "Vertskommuneansvar",
  hostCountOutsideArea: "Vertskommune utenfor området",
  hostCountInsideAreaTotal: "Vertskommuneansvar i alt",
  hostCountOutsideAreaTotal: "Vertskommuner utenfor området i alt",
  arrangementsWithHost: "Ordninger med kjent vertskommune",
};

function label(d: Deviation): string {
  return statisticLabels[d.statistic] ?? d.statistic;
}

export default async function AboutDataPage() {
  const deviations = await allDeviationsWithNames();
  const reportErrors = deviations.filter((d) => d.cause === "REPORT_ERROR");
  const notInReport = deviations.filter((d) => d.cause === "NOT_IN_REPORT");
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Om dataene
      </Heading>
      <Paragraph>
        Registeret bygger på NIVI Analyses rapport «Interkommunalt samarbeid i Buskerud» (16.12.2021), laget for Statsforvalteren i Oslo og Viken. Kartleggingen omfatter 25 kommuner og fant 221
        formelle samarbeidsordninger. Hver ordning i registeret viser hvor i rapporten opplysningene står (for eksempel «NIVI 2021, Tabell 5.2, rad 14»), og om en opplysning er oppgitt i rapporten
        eller utledet av oss.
      </Paragraph>
      <Paragraph>
        Registeret lagrer det ordningenes egne deltakerlister sier. Der rapportens trykte tall avviker fra listene, viser vi begge tallene og forklarer hvorfor. Vi justerer aldri dataene for å treffe
        et trykt tall.
      </Paragraph>
      <Heading level={2} data-size="md">
        Feil i rapporten ({formatInteger(reportErrors.length)})
      </Heading>
      <DeviationTable caption="Trykte tall som motsier rapportens egne lister" rows={reportErrors} />
      <Heading level={2} data-size="md">
        Opplysninger rapporten ikke gir ({formatInteger(notInReport.length)})
      </Heading>
      <Paragraph>
        Rapporten oppgir for eksempel ikke vertskommune eller etableringsår for hver ordning. Der teksten ikke avgjør det, står feltet tomt i registeret, og tallene under blir lavere enn de trykte.
      </Paragraph>
      <DeviationTable caption="Trykte tall registeret ikke kan gjenskape fra opplysningene i rapporten" rows={notInReport} />
    </div>
  );
}

function DeviationTable({ caption, rows }: { caption: string; rows: (Deviation & { subject: string | null })[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Tabell: ${caption}`}>
      <Table zebra>
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Tall</TableHeaderCell>
            <TableHeaderCell>Gjelder</TableHeaderCell>
            <TableHeaderCell>Rapport 2021</TableHeaderCell>
            <TableHeaderCell>Registeret</TableHeaderCell>
            <TableHeaderCell>Forklaring</TableHeaderCell>
            <TableHeaderCell>Kilde</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{label(d)}</TableCell>
              <TableCell>{d.subject ?? d.key ?? "Hele området"}</TableCell>
              <TableCell>{formatInteger(d.printed)}</TableCell>
              <TableCell>{formatInteger(d.registry)}</TableCell>
              <TableCell>{d.reason}</TableCell>
              <TableCell>{d.source}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
