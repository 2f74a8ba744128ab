import { Alert, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { ChangeThread } from "@/components/editing/ChangeThread";
import { CommentForm, ReviewForms, WithdrawForm } from "@/components/editing/ReviewForms";
import { StatusTag } from "@/components/editing/StatusTag";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { reviseHref } from "@/lib/changes/links";
import { changeRequestView } from "@/lib/changes/queries";
import { formatDateTime, withNorwegianDates } from "@/lib/format";
import { approveChangeRequestAction, commentOnChangeRequestAction, rejectChangeRequestAction, returnChangeRequestAction, withdrawChangeRequestAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Endringsforslag" };

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/endringsforslag/${id}`);
  const view = /^\d{1,9}$/.test(id) ? await changeRequestView(Number(id)) : null;
  if (!view) notFound();
  const { request, fields, status, thread } = view;
  const access = authorize(actor, "changeRequest.view", { municipalityId: request.municipalityId, proposerId: request.proposerId });
  // Someone who may not see the proposal gets the same 404 as for a missing id (ids cannot be probed).
  if (!access.allowed) notFound();
  const reviewer = authorize(actor, "changeRequest.review").allowed;
  const reviewable = status === "PENDING" || status === "CONFLICT";
  const open = reviewable || status === "RETURNED";
  const proposer = request.proposerId === actor.id;
  const mayComment = authorize(actor, "changeRequest.comment", { proposerId: request.proposerId }).allowed;
  const title = request.arrangement ? request.arrangement.name : "Ny ordning";
  const conflicts = fields.filter((f) => f.conflict);
  const showNow = open && Boolean(request.arrangement);

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Endringsforslag: {title}
      </Heading>
      <Paragraph>
        <StatusTag status={status} /> {withNorwegianDates(request.summary)}
      </Paragraph>
      <Paragraph data-size="sm">
        Sendt {formatDateTime(request.createdAt)} av {request.proposer.name}
        {request.municipality ? ` for ${request.municipality.name} kommune` : ""}
        {request.revision > 1 ? ` (endret og sendt på nytt ${request.revision - 1} ${request.revision === 2 ? "gang" : "ganger"})` : ""}.{" "}
        {request.arrangement ? (
          <>
            <NextLink href={`/ordninger/${request.arrangement.slug}`} className="ds-link">
              Se ordningen
            </NextLink>
            .
          </>
        ) : null}
      </Paragraph>
      {status === "CONFLICT" ? (
        <Alert data-color="warning" data-testid="konflikt">
          <Paragraph>
            {conflicts.length === 1 ? "Ett felt" : `${conflicts.length} felt`} i forslaget er endret etter at forslaget ble sendt (merket «Konflikt» under).{" "}
            {reviewer ? "Velg for hvert av dem om gjeldende verdi eller forslaget skal gjelde før du godkjenner." : "Statsforvalteren velger hvilken verdi som skal gjelde."} De andre feltene i
            forslaget er ikke berørt.
          </Paragraph>
        </Alert>
      ) : null}
      {status === "RETURNED" ? (
        <Alert data-color="warning" data-testid="sendt-tilbake">
          <Paragraph>Statsforvalteren har sendt forslaget tilbake{request.comment ? `: «${request.comment}»` : "."}</Paragraph>
          {proposer ? (
            <Paragraph>
              <NextLink href={reviseHref(request)} className="ds-link" data-testid="endre-forslaget">
                Endre forslaget og send det på nytt
              </NextLink>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {!open ? (
        <Alert data-color={status === "APPROVED" ? "success" : status === "REJECTED" ? "danger" : "info"} data-testid="utfall">
          <Paragraph>
            {status === "APPROVED" ? "Godkjent og publisert" : status === "REJECTED" ? "Avvist" : "Trukket tilbake"}
            {request.decidedAt ? ` ${formatDateTime(request.decidedAt)}` : ""}
            {reviewer && request.decidedBy ? ` av ${request.decidedBy.name}` : ""}.
          </Paragraph>
          {request.comment ? <Paragraph>Kommentar fra Statsforvalteren: {request.comment}</Paragraph> : null}
        </Alert>
      ) : null}
      <div className="table-scroll">
        <Table data-testid="forslag-diff" className="stack-table">
          <caption>Endringer i forslaget</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Felt</TableHeaderCell>
              <TableHeaderCell>Da forslaget ble sendt</TableHeaderCell>
              {showNow ? <TableHeaderCell>Gjeldende nå</TableHeaderCell> : null}
              <TableHeaderCell>Foreslått</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((f) => (
              <TableRow key={f.key} data-konflikt={f.conflict ? "ja" : undefined}>
                <TableCell data-label="Felt">
                  {f.label}
                  {f.conflict ? <strong> (Konflikt)</strong> : null}
                </TableCell>
                <TableCell data-label="Da forslaget ble sendt">{withNorwegianDates(f.base) ?? "ingen verdi"}</TableCell>
                {showNow ? (
                  <TableCell data-label="Gjeldende nå">
                    {withNorwegianDates(f.now) ?? "ingen verdi"}
                    {f.conflict ? " (endret siden)" : ""}
                  </TableCell>
                ) : null}
                <TableCell data-label="Foreslått">{withNorwegianDates(f.proposed) ?? "ingen verdi"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {reviewable && reviewer ? (
        <ReviewForms
          id={request.id}
          conflicts={conflicts.map((c) => ({ key: c.key, label: c.label, now: withNorwegianDates(c.now), proposed: withNorwegianDates(c.proposed) }))}
          approve={approveChangeRequestAction}
          reject={rejectChangeRequestAction}
          sendBack={returnChangeRequestAction}
        />
      ) : null}
      <section aria-labelledby="samtale" className="stack">
        <Heading level={2} data-size="md" id="samtale">
          Samtale
        </Heading>
        <ChangeThread entries={thread} />
        {mayComment ? <CommentForm id={request.id} action={commentOnChangeRequestAction} /> : null}
      </section>
      {open && proposer ? <WithdrawForm id={request.id} action={withdrawChangeRequestAction} /> : null}
      <Paragraph>
        <NextLink href={reviewer ? "/endringsforslag" : "/mine-forslag"} className="ds-link">
          Tilbake til {reviewer ? "endringsforslagene" : "mine forslag"}
        </NextLink>
      </Paragraph>
    </div>
  );
}
