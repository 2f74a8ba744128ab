import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { redirect } from "next/navigation";
import { StatusTag } from "@/components/editing/StatusTag";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { arrangementsForMunicipalities, proposalsFor } from "@/lib/changes/queries";
import { hasArrangementEndedBefore } from "@/lib/domain/activity";
import { todayInNorway } from "@/lib/domain/today";
import { SurveyTaskNotice } from "@/components/rounds/RoundBits";
import { openTasksFor } from "@/lib/rounds/queries";
import { formatDay, withNorwegianDates } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mine forslag" };

/** A kommune editor's page: the proposals of their municipality, and the arrangements they can edit. */
export default async function MyProposalsPage() {
  const actor = await requireActor("/mine-forslag");
  if (authorize(actor, "changeRequest.review").allowed) redirect("/endringsforslag");
  const [proposals, arrangements, tasks] = await Promise.all([proposalsFor(actor), arrangementsForMunicipalities(actor.municipalityIds), openTasksFor(actor)]);
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
      {proposals.length === 0 ? (
        <Paragraph>Dere har ikke sendt noen forslag ennå.</Paragraph>
      ) : (
        <Table data-testid="mine-forslag">
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
                <TableCell>
                  <NextLink href={`/endringsforslag/${p.id}`} className="ds-link">
                    {withNorwegianDates(p.summary)}
                  </NextLink>
                </TableCell>
                <TableCell>{formatDay(p.createdAt)}</TableCell>
                <TableCell>
                  <StatusTag status={p.status} />
                </TableCell>
                <TableCell>{p.comment ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading level={2} data-size="md">
        Ordninger dere deltar i ({arrangements.length})
      </Heading>
      <ul className="link-list">
        {arrangements.map((a) => (
          <li key={a.id}>
            <NextLink href={`/ordninger/${a.slug}/rediger`} className="ds-link">
              {a.name}
            </NextLink>
            {hasArrangementEndedBefore(a, todayInNorway()) ? " (avsluttet)" : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
