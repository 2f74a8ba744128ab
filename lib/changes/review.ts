import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { todayInNorway } from "@/lib/domain/today";
import { notifyAdvisersOfComment, notifyProposer } from "@/lib/notifications/notify";
import { operationNamed } from "./arrangements.ts";
import { conflictingKeys, mergeProposal, readFields } from "./fields.ts";
import { fail, MESSAGES as M } from "./messages.ts";
import { defineMutation } from "./mutation.ts";
import { applyPreview, bind } from "./pipeline.ts";
import { addToThread, ALREADY_DECIDED, hideFromOutsiders, NOT_FOUND, OPEN_STATUSES, REVIEWABLE_STATUSES } from "./requests.ts";
import { MutationFailure } from "./result.ts";
import { mergedArrangementErrors } from "./rules.ts";
import { diffSnapshots, loadLookups, loadSnapshot, type Tx } from "./snapshot.ts";
import { id, optionalText, requiredText } from "./validation.ts";

/** Deciding on endringsforslag: approve (merging field by field), send back, reject, withdraw, and the thread. */
export const CONFLICT_ON_APPROVE =
  "Noen av feltene i forslaget er endret etter at forslaget ble sendt. Velg for hvert felt i konflikt om gjeldende verdi eller forslaget skal gjelde, og godkjenn på nytt. Ingenting er lagret.";

const isJsonObject = (value: Prisma.JsonValue): value is Prisma.JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

async function loadRequest(tx: Tx, input: { changeRequestId: number }) {
  const request = await tx.changeRequest.findUnique({ where: { id: input.changeRequestId } });
  if (!request) throw new MutationFailure(fail("not_found", NOT_FOUND));
  return request;
}
type RequestRow = Awaited<ReturnType<typeof loadRequest>>;

/** Moves a request from one of `from` to a new status; a request changed concurrently by someone else matches nothing. */
async function moveRequest(tx: Tx, changeRequestId: number, from: Prisma.EnumChangeRequestStatusFilter["in"], data: Prisma.ChangeRequestUncheckedUpdateManyInput) {
  const updated = await tx.changeRequest.updateMany({ where: { id: changeRequestId, status: { in: from } }, data });
  if (updated.count !== 1) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
}

function ensureReviewable(request: { status: string }) {
  if (!REVIEWABLE_STATUSES.some((s) => s === request.status)) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
}

/**
 * Authorization for an action on one request. Someone who may not even see the request gets exactly
 * the answer a missing id gives (not_found, same text), so ids cannot be probed for existence.
 */
const onRequest =
  (rule: (actor: Actor, request: RequestRow) => ReturnType<typeof authorize>) =>
  (actor: Actor, _input: unknown, request: RequestRow): ReturnType<typeof authorize> => {
    hideFromOutsiders(actor, request);
    return rule(actor, request);
  };
const reviewer = onRequest((actor) => authorize(actor, "changeRequest.review"));
const changeRequestId = id("Ukjent endringsforslag.");
const ref = (r: RequestRow) => ({ id: r.id, summary: r.summary, proposerId: r.proposerId });

/** The adviser's per-field choices for conflicting keys: form fields `valg:<key>` = "gjeldende" | "forslag". */
function choicesOf(input: Record<string, unknown>): Map<string, "now" | "proposed"> {
  const choices = new Map<string, "now" | "proposed">();
  for (const [name, value] of Object.entries(input)) {
    if (!name.startsWith("valg:")) continue;
    if (value === "gjeldende") choices.set(name.slice(5), "now");
    if (value === "forslag") choices.set(name.slice(5), "proposed");
  }
  return choices;
}

/** A proposal for a new arrangement, or one made before field-level conflicts: replayed as the operation it names. */
async function replayApprove(tx: Tx, actor: Actor, request: RequestRow) {
  if (request.arrangementId) {
    const version = await tx.arrangement.findUnique({ where: { id: request.arrangementId }, select: { version: true } });
    if (!version) throw new MutationFailure(fail("not_found", M.notFound));
    if (version.version !== request.baseVersion) throw new MutationFailure(fail("conflict", CONFLICT_ON_APPROVE));
  }
  const op = operationNamed(request.action);
  if (!op) throw new Error(`Ukjent handling i endringsforslag: ${request.action}`);
  const change = await bind(tx, op.schema.parse(isJsonObject(request.payload) ? request.payload : {}));
  const lookups = await loadLookups(tx);
  const preview = await change.preview({ tx, lookups, actor });
  if ("errors" in preview) {
    const reasons = Object.values(preview.errors).flat().join(" ");
    throw new MutationFailure(fail("validation", `Forslaget passer ikke med ordningen slik den er nå: ${reasons} Send det tilbake til kommunen eller avvis det.`));
  }
  return applyPreview(tx, { change, after: preview.after, lookups, changeRequestId: request.id });
}

/**
 * Merges a proposal into the arrangement as it is now (docs/decisions/0044): its keys take the
 * proposed values; a key changed since the proposal was made is a conflict the adviser decides
 * (current or proposed value). Refused when a conflict is undecided or the result breaks a rule.
 */
async function mergeApprove(tx: Tx, request: RequestRow, choices: Map<string, "now" | "proposed">) {
  const fields = readFields(request.fields)!;
  const now = await loadSnapshot(tx, request.arrangementId!);
  if (!now) throw new MutationFailure(fail("not_found", M.notFound));
  const conflicts = conflictingKeys(fields, now);
  if (conflicts.some((key) => !choices.has(key))) throw new MutationFailure(fail("conflict", CONFLICT_ON_APPROVE));
  const after = mergeProposal(now, fields, new Set(conflicts.filter((key) => choices.get(key) === "now")));
  const lookups = await loadLookups(tx);
  if (diffSnapshots(now, after, lookups).length === 0) {
    throw new MutationFailure(fail("validation", "Med valgene dine blir ingenting endret: ordningen har allerede disse verdiene. Avvis forslaget eller send det tilbake med en kommentar."));
  }
  const problems = mergedArrangementErrors(after, lookups, todayInNorway());
  if (problems.length) throw new MutationFailure(fail("validation", `Forslaget passer ikke med ordningen slik den er nå: ${problems.join(" ")} Send det tilbake til kommunen eller avvis det.`));
  return applyPreview(tx, { change: { name: request.action, current: now, summary: () => request.summary }, after, lookups, changeRequestId: request.id });
}

export const approveChangeRequest = defineMutation({
  schema: z.object({ changeRequestId, comment: optionalText("Kommentaren", 2000) }).loose(),
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, input, loaded: request }) {
    ensureReviewable(request);
    const { arrangementId, audit } = request.arrangementId && readFields(request.fields) ? await mergeApprove(tx, request, choicesOf(input)) : await replayApprove(tx, actor, request);
    const comment = input.comment ?? null;
    await moveRequest(tx, request.id, REVIEWABLE_STATUSES, { status: "APPROVED", decidedById: actor.id, decidedAt: new Date(), comment, arrangementId, conflictFields: [] });
    await addToThread(tx, request.id, actor.id, "APPROVED", comment ?? "Forslaget er godkjent og publisert.");
    await notifyProposer(tx, ref(request), "approved", actor, comment);
    return { result: { ok: true, outcome: "applied", message: "Forslaget er godkjent, og endringen er publisert.", arrangementId, changeRequestId: request.id }, audit };
  },
});

const withComment = z.object({ changeRequestId, comment: requiredText("Kommentaren", 2000) });
const commentRequired = (message: string) => (errors: Record<string, string[]>) => fail("validation", M.validation, errors.comment ? { ...errors, comment: [message] } : errors);

export const rejectChangeRequest = defineMutation({
  schema: withComment,
  invalid: commentRequired("Skriv en kommentar til kommunen om hvorfor forslaget avvises."),
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, input: { comment }, loaded: request }) {
    await moveRequest(tx, request.id, OPEN_STATUSES, { status: "REJECTED", decidedById: actor.id, decidedAt: new Date(), comment });
    await addToThread(tx, request.id, actor.id, "REJECTED", comment);
    await notifyProposer(tx, ref(request), "rejected", actor, comment);
    return {
      result: { ok: true, outcome: "done", message: "Forslaget er avvist. Kommunen ser kommentaren din.", changeRequestId: request.id },
      audit: { action: "rejectChangeRequest", summary: `Forslag avvist: ${request.summary}`, changeRequestId: request.id },
    };
  },
});

/** «Send tilbake»: the proposer gets the request back with a comment, revises it and resubmits the same request. */
export const returnChangeRequest = defineMutation({
  schema: withComment,
  invalid: commentRequired("Skriv hva kommunen bør endre før forslaget sendes på nytt."),
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, input: { comment }, loaded: request }) {
    ensureReviewable(request);
    await moveRequest(tx, request.id, REVIEWABLE_STATUSES, { status: "RETURNED", comment });
    await addToThread(tx, request.id, actor.id, "RETURNED", comment);
    await notifyProposer(tx, ref(request), "returned", actor, comment);
    return {
      result: { ok: true, outcome: "done", message: "Forslaget er sendt tilbake til kommunen med kommentaren din.", changeRequestId: request.id },
      audit: { action: "returnChangeRequest", summary: `Forslag sendt tilbake: ${request.summary}`, changeRequestId: request.id },
    };
  },
});

export const withdrawChangeRequest = defineMutation({
  schema: z.object({ changeRequestId }),
  load: loadRequest,
  authorize: onRequest((actor, request) => authorize(actor, "changeRequest.withdraw", { proposerId: request.proposerId })),
  async apply(tx, { loaded: request }) {
    await moveRequest(tx, request.id, OPEN_STATUSES, { status: "WITHDRAWN", decidedAt: new Date() });
    return {
      result: { ok: true, outcome: "done", message: "Forslaget er trukket tilbake.", changeRequestId: request.id },
      audit: { action: "withdrawChangeRequest", summary: `Forslag trukket tilbake: ${request.summary}`, changeRequestId: request.id },
    };
  },
});

/** A comment in a request's thread, by its proposer or an adviser; the other side is told. */
export const commentOnChangeRequest = defineMutation({
  schema: withComment,
  invalid: commentRequired("Skriv en kommentar."),
  load: loadRequest,
  authorize: onRequest((actor, request) => authorize(actor, "changeRequest.comment", { proposerId: request.proposerId })),
  async apply(tx, { actor, input: { comment }, loaded: request }) {
    await addToThread(tx, request.id, actor.id, "COMMENT", comment);
    if (actor.id === request.proposerId) await notifyAdvisersOfComment(tx, ref(request), actor);
    else await notifyProposer(tx, ref(request), "commented", actor, comment);
    return {
      result: { ok: true, outcome: "done", message: "Kommentaren er lagt til.", changeRequestId: request.id },
      audit: { action: "commentOnChangeRequest", summary: `Kommentar på forslag: ${request.summary}`, changeRequestId: request.id },
    };
  },
});
