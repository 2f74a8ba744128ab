import "server-only";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { toJson } from "@/lib/db";
import type { ChangeRequestStatus } from "@/lib/generated/prisma/client";
import { notifyAdvisersOfProposal } from "@/lib/notifications/notify";
import type { BoundChange, Preview } from "./arrangements.ts";
import { conflictingKeys, proposedFields, readFields } from "./fields.ts";
import { fail } from "./messages.ts";
import type { Applied } from "./mutation.ts";
import { MutationFailure } from "./result.ts";
import type { ArrangementSnapshot, DiffEntry, Lookups, Tx } from "./snapshot.ts";

/** Statuses of a request that is still open: waiting for the adviser, or back with the proposer. */
export const OPEN_STATUSES: ChangeRequestStatus[] = ["PENDING", "CONFLICT", "RETURNED"];
/** Statuses the adviser can decide on (approve, reject, send back). */
export const REVIEWABLE_STATUSES: ChangeRequestStatus[] = ["PENDING", "CONFLICT"];

export const NOT_FOUND = "Fant ikke endringsforslaget.";
export const ALREADY_DECIDED = "Forslaget er allerede behandlet.";
const NOT_RETURNED = "Forslaget kan bare endres når Statsforvalteren har sendt det tilbake til deg. Ingenting er lagret.";

/**
 * Throws exactly what a missing id gives when `actor` may not see the request (another municipality's
 * proposal): not_found vs forbidden must not tell an outsider which ids exist.
 */
export function hideFromOutsiders(actor: Actor, request: { municipalityId: number | null; proposerId: number }): void {
  if (!authorize(actor, "changeRequest.view", { municipalityId: request.municipalityId, proposerId: request.proposerId }).allowed) throw new MutationFailure(fail("not_found", NOT_FOUND));
}

/** Adds one entry to a request's thread (comments, the justification, each decision). */
export async function addToThread(tx: Tx, changeRequestId: number, authorId: number, kind: string, body: string): Promise<void> {
  await tx.changeRequestComment.create({ data: { changeRequestId, authorId, kind, body } });
}

/**
 * A kommune editor's change becomes a request, or — when it revises a request that was sent back —
 * replaces that request's content and puts it back in the queue. Per touched field it stores the
 * value it was made from (docs/decisions/0044). Advisers are told in the same transaction.
 */
export async function propose(
  tx: Tx,
  args: {
    actor: Actor;
    change: BoundChange;
    preview: Extract<Preview, { after: ArrangementSnapshot }>;
    diff: DiffEntry[];
    lookups: Lookups;
    justification: string | null;
    reviseId: number | null;
  },
): Promise<Applied> {
  const { actor, change, preview, diff, lookups, justification, reviseId } = args;
  const { current } = change;
  const summary = change.summary(preview.after, lookups).slice(0, 500);
  const content = {
    payload: toJson(preview.payload),
    diff: toJson(diff),
    fields: current ? toJson(proposedFields(current, preview.after, lookups)) : undefined,
    baseVersion: current?.version ?? null,
    summary,
  };
  let requestId: number;
  let municipalityId: number | null;
  if (reviseId !== null) {
    const existing = await tx.changeRequest.findUnique({ where: { id: reviseId } });
    if (!existing) throw new MutationFailure(fail("not_found", NOT_FOUND));
    hideFromOutsiders(actor, existing);
    const may = authorize(actor, "changeRequest.revise", { proposerId: existing.proposerId });
    if (!may.allowed) throw new MutationFailure(fail("forbidden", may.reason));
    if (existing.action !== change.name || existing.arrangementId !== (current?.id ?? null))
      throw new MutationFailure(fail("validation", "Endringen hører ikke til dette forslaget. Ingenting er lagret."));
    const updated = await tx.changeRequest.updateMany({
      where: { id: reviseId, status: "RETURNED" },
      data: { ...content, status: "PENDING", conflictFields: [], revision: { increment: 1 } },
    });
    if (updated.count !== 1) throw new MutationFailure(fail("conflict", NOT_RETURNED));
    await addToThread(tx, reviseId, actor.id, "RESUBMITTED", justification ?? "Forslaget er endret og sendt på nytt.");
    requestId = reviseId;
    municipalityId = existing.municipalityId;
  } else {
    municipalityId = actor.municipalityIds.find((m) => change.municipalityIds.includes(m)) ?? null;
    const request = await tx.changeRequest.create({ data: { ...content, action: change.name, arrangementId: current?.id ?? null, municipalityId, proposerId: actor.id } });
    if (justification) await addToThread(tx, request.id, actor.id, "JUSTIFICATION", justification);
    requestId = request.id;
  }
  const municipality = municipalityId ? await tx.municipality.findUnique({ where: { id: municipalityId }, select: { name: true } }) : null;
  await notifyAdvisersOfProposal(tx, { id: requestId, summary, proposerId: actor.id, proposerName: actor.name, municipalityName: municipality?.name ?? null }, reviseId !== null);
  return {
    result: {
      ok: true,
      outcome: "proposed",
      message:
        reviseId !== null
          ? "Det endrede forslaget er sendt til Statsforvalteren på nytt. Det blir synlig for alle når det er godkjent."
          : "Endringsforslaget er sendt til Statsforvalteren. Det blir synlig for alle når det er godkjent.",
      changeRequestId: requestId,
      arrangementId: current?.id ?? undefined,
    },
    audit: { action: reviseId !== null ? "resubmitChangeRequest" : "proposeChange", summary: `Forslag sendt: ${summary}`, changeRequestId: requestId },
  };
}

/**
 * After a change to an arrangement is written, every other open request on it is checked field by
 * field: a request none of whose keys changed is re-based silently (stays «Venter»); one with a
 * changed key becomes «Konflikt» and records which keys. Requests made before field-level
 * conflicts (no stored fields) keep the version-based check of 0041.
 */
export async function reconcileOpenRequests(tx: Tx, saved: ArrangementSnapshot, exceptId: number | null): Promise<void> {
  const open = await tx.changeRequest.findMany({ where: { arrangementId: saved.id!, status: { in: OPEN_STATUSES }, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  for (const request of open) {
    const fields = readFields(request.fields);
    if (!fields) continue;
    const conflicts = conflictingKeys(fields, saved);
    const status: ChangeRequestStatus = request.status === "RETURNED" ? "RETURNED" : conflicts.length ? "CONFLICT" : "PENDING";
    await tx.changeRequest.update({ where: { id: request.id }, data: { status, conflictFields: conflicts, ...(conflicts.length ? {} : { baseVersion: saved.version }) } });
  }
}
