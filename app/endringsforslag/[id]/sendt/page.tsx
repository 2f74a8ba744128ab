import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { OutcomeStatus } from "@/components/editing/OutcomeStatus";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { changeRequestView } from "@/lib/changes/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forslaget er sendt" };

/** The receipt after «Send forslag»: the outcome first (focused), then exactly what was sent. */
export default async function ProposalSentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/endringsforslag/${id}/sendt`);
  const view = /^\d{1,9}$/.test(id) ? await changeRequestView(Number(id)) : null;
  if (!view) notFound();
  const { request, fields, thread } = view;
  const access = authorize(actor, "changeRequest.view", { municipalityId: request.municipalityId, proposerId: request.proposerId });
  // Someone who may not see the proposal gets the same 404 as for a missing id (ids cannot be probed).
  if (!access.allowed) notFound();
  const note = [...thread].reverse().find((e) => e.kind === "JUSTIFICATION" || e.kind === "RESUBMITTED");
  const resubmitted = request.revision > 1;

  return (
    <div className="stack">
      <OutcomeStatus>
        <Heading level={1} data-size="md">
          {resubmitted ? "Det endrede forslaget er sendt på nytt" : "Forslaget er sendt"}
        </Heading>
        <Paragraph>
          Statsforvalteren har fått forslaget{request.arrangement ? ` om ${request.arrangement.name}` : ""}. Endringen blir synlig for alle når den er godkjent, og du får e-post når forslaget er
          behandlet.
        </Paragraph>
        <Paragraph>
          <NextLink href={`/endringsforslag/${request.id}`} className="ds-link">
            Se forslaget og samtalen
          </NextLink>
          {request.arrangement ? (
            <>
              {" · "}
              <NextLink href={`/ordninger/${request.arrangement.slug}`} className="ds-link">
                Se ordningen
              </NextLink>
              {" · "}
              <NextLink href={`/ordninger/${request.arrangement.slug}/rediger`} className="ds-link">
                Foreslå flere endringer
              </NextLink>
            </>
          ) : null}
        </Paragraph>
      </OutcomeStatus>
      <div className="table-scroll">
        <Table data-testid="sendt-innhold">
          <caption>Dette sendte du</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Felt</TableHeaderCell>
              <TableHeaderCell>Før</TableHeaderCell>
              <TableHeaderCell>Foreslått</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((f) => (
              <TableRow key={f.key}>
                <TableCell>{f.label}</TableCell>
                <TableCell>{f.base ?? "ingen verdi"}</TableCell>
                <TableCell>{f.proposed ?? "ingen verdi"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {note ? (
        <Paragraph>
          <strong>{note.kind === "JUSTIFICATION" ? "Begrunnelse" : "Hva du endret"}:</strong> {note.body}
        </Paragraph>
      ) : null}
    </div>
  );
}
