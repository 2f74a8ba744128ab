import { Alert, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/auth/NoAccess";
import { ReviewForms, WithdrawForm } from "@/components/editing/ReviewForms";
import { StatusTag } from "@/components/editing/StatusTag";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { changeRequestView } from "@/lib/changes/queries";
import { approveChangeRequestAction, rejectChangeRequestAction, resolveChangeRequestConflictAction, withdrawChangeRequestAction } from "../actions";
import { formatDateTime, withNorwegianDates } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata = { title: "Endringsforslag" };

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/endringsforslag/${id}`);
  const view = /^\d{1,9}$/.test(id) ? await changeRequestView(Number(id)) : null;
  if (!view) notFound();
  const { request, diff, conflict } = view;
  const access = authorize(actor, "changeRequest.view", { municipalityId: request.municipalityId, proposerId: request.proposerId });
  if (!access.allowed) return <NoAccess reason={access.reason} />;
  const reviewer = authorize(actor, "changeRequest.review").allowed;
  const pending = request.status === "PENDING";
  const title = request.arrangement ? request.arrangement.name : "Ny ordning";

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Endringsforslag: {title}
      </Heading>
      <Paragraph>
        <StatusTag status={request.status} conflict={conflict} /> {withNorwegianDates(request.summary)}
      </Paragraph>
      <Paragraph data-size="sm">
        Sendt {formatDateTime(request.createdAt)} av {request.proposer.name}
        {request.municipality ? ` for ${request.municipality.name} kommune` : ""}.{" "}
        {request.arrangement ? (
          <>
            <NextLink href={`/ordninger/${request.arrangement.slug}`} className="ds-link">
              Se ordningen
            </NextLink>
            .
          </>
        ) : null}
      </Paragraph>
      {conflict ? (
        <Alert data-color="warning" data-testid="konflikt">
          <Paragraph>
            Ordningen er endret etter at forslaget ble sendt (forslaget bygger på versjon {request.baseVersion}, gjeldende er versjon {view.currentVersion}). Godkjenning er sperret til konflikten er
            løst. Sammenlign kolonnene «Da forslaget ble sendt» og «Gjeldende nå».
          </Paragraph>
        </Alert>
      ) : null}
      {!pending ? (
        <Alert data-color={request.status === "APPROVED" ? "success" : request.status === "REJECTED" ? "danger" : "info"} data-testid="utfall">
          <Paragraph>
            {request.status === "APPROVED" ? "Godkjent og publisert" : request.status === "REJECTED" ? "Avvist" : "Trukket tilbake"}
            {request.decidedAt ? ` ${formatDateTime(request.decidedAt)}` : ""}
            {reviewer && request.decidedBy ? ` av ${request.decidedBy.name}` : ""}.
          </Paragraph>
          {request.comment ? <Paragraph>Kommentar fra Statsforvalteren: {request.comment}</Paragraph> : null}
        </Alert>
      ) : null}
      <Table data-testid="forslag-diff">
        <caption>Endringer i forslaget</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Felt</TableHeaderCell>
            <TableHeaderCell>Da forslaget ble sendt</TableHeaderCell>
            {pending && request.arrangement ? <TableHeaderCell>Gjeldende nå</TableHeaderCell> : null}
            <TableHeaderCell>Foreslått</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {diff.map((d) => (
            <TableRow key={d.field}>
              <TableCell>{d.label}</TableCell>
              <TableCell>{withNorwegianDates(d.before) ?? "–"}</TableCell>
              {pending && request.arrangement ? (
                <TableCell>
                  {withNorwegianDates(d.current) ?? "–"}
                  {d.changedSince ? " (endret siden)" : ""}
                </TableCell>
              ) : null}
              <TableCell>{withNorwegianDates(d.after) ?? "–"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pending && reviewer ? (
        <ReviewForms id={request.id} conflict={conflict} approve={approveChangeRequestAction} reject={rejectChangeRequestAction} resolve={resolveChangeRequestConflictAction} />
      ) : null}
      {pending && request.proposerId === actor.id ? <WithdrawForm id={request.id} action={withdrawChangeRequestAction} /> : null}
      <Paragraph>
        <NextLink href={reviewer ? "/endringsforslag" : "/mine-forslag"} className="ds-link">
          Tilbake til {reviewer ? "endringsforslagene" : "mine forslag"}
        </NextLink>
      </Paragraph>
    </div>
  );
}
