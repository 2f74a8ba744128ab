import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { redirect } from "next/navigation";
import { StatusTag } from "@/components/editing/StatusTag";
import { QualityBadge } from "@/components/quality/QualityFindings";
import { qualityFindingsByArrangement } from "@/lib/quality/load";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { arrangementsForMunicipalities, proposalsFor } from "@/lib/changes/queries";
import { hasArrangementEndedBefore } from "@/lib/domain/activity";
import { todayInNorway } from "@/lib/domain/today";
import { SurveyTaskNotice } from "@/components/rounds/RoundBits";
import { openTasksFor } from "@/lib/rounds/queries";
import { formatDay, withNorwegianDates } from "@/lib/format";
import { municipalityLinks } from "@/lib/municipalities";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mine forslag" };

/** A kommune editor's page: the proposals of their municipality, and the arrangements they can edit. */
export default async function MyProposalsPage() {
  const actor = await requireActor("/mine-forslag");
  if (authorize(actor, "changeRequest.review").allowed) redirect("/endringsforslag");
  const [proposals, arrangements, own, tasks] = await Promise.all([
    proposalsFor(actor),
    arrangementsForMunicipalities(actor.municipalityIds),
    municipalityLinks(actor.municipalityIds),
    openTasksFor(actor),
  ]);
  const findings = await qualityFindingsByArrangement(arrangements.map((a) => a.id));
  const withFindings = arrangements.filter((a) => (findings.get(a.id)?.length ?? 0) > 0).length;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Mine forslag
      </Heading>
      <SurveyTaskNotice tasks={tasks} />
      <Paragraph>
        Forslag fra deg og andre i kommunen din. Statsforvalteren godkjenner eller avviser dem.{" "}
        <NextLink href="/ordninger/ny" className="ds-link">
          Foreslå en ny ordning
        </NextLink>
      </Paragraph>
      {own.map((m) => (
        <Paragraph key={m.id}>
          <NextLink href={`${m.path}/import`} className="ds-link">
            Importer kartleggingsfil for {m.name}
          </NextLink>{" "}
          – last opp den utfylte kartleggingsfilen og send endringene som forslag.
        </Paragraph>
      ))}
      {proposals.length === 0 ? (
        <Paragraph>Dere har ikke sendt noen forslag ennå.</Paragraph>
      ) : (
        <Table data-testid="mine-forslag" className="stack-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Forslag</TableHeaderCell>
              <TableHeaderCell>Sendt</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Kommentar fra Statsforvalteren</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {proposals.map((p) => (
              <TableRow key={p.id}>
                <TableCell data-label="Forslag">
                  <NextLink href={`/endringsforslag/${p.id}`} className="ds-link">
                    {withNorwegianDates(p.summary)}
                  </NextLink>
                </TableCell>
                <TableCell data-label="Sendt">{formatDay(p.createdAt)}</TableCell>
                <TableCell data-label="Status">
                  <StatusTag status={p.shown} />
                </TableCell>
                <TableCell data-label="Kommentar fra Statsforvalteren">{p.comment ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading level={2} data-size="md">
        Ordninger dere deltar i ({arrangements.length})
      </Heading>
      <Paragraph data-size="sm">
        {withFindings === 0
          ? "Registeret har ingen merknader til opplysningene om ordningene deres."
          : `Registeret mangler opplysninger eller ønsker bekreftelse for ${withFindings} av ordningene. Merknadene står under navnet; åpne ordningen for å foreslå det som mangler.`}
      </Paragraph>
      <ul className="link-list" data-testid="mine-ordninger">
        {arrangements.map((a) => (
          <li key={a.id}>
            <NextLink href={`/ordninger/${a.slug}/rediger`} className="ds-link">
              {a.name}
            </NextLink>
            {hasArrangementEndedBefore(a, todayInNorway()) ? " (avsluttet)" : ""}
            <QualityBadge findings={findings.get(a.id) ?? []} />
          </li>
        ))}
      </ul>
    </div>
  );
}
