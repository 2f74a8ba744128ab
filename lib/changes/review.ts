import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { ARRANGEMENT_OPERATIONS, type ArrangementOperation, previewChange } from "./arrangements.ts";
import { applyPreview, inTransaction, UNAUTHENTICATED } from "./pipeline.ts";
import { fail, fieldErrors, MESSAGES as M } from "./messages.ts";
import { MutationFailure, type MutationResult } from "./result.ts";
import { diffSnapshots, loadLookups, loadSnapshot, type Tx } from "./snapshot.ts";
import { id, optionalText, requiredText } from "./validation.ts";

/** Deciding on endringsforslag: approve (applies it), reject with a comment, withdraw, resolve a conflict. */
const NOT_FOUND = "Fant ikke endringsforslaget.";
const ALREADY_DECIDED = "Forslaget er allerede behandlet.";

export const CONFLICT_ON_APPROVE =
  "Ordningen er endret etter at forslaget ble sendt. Godkjenning er sperret til konflikten er løst: se gjeldende verdier, og velg «Oppdater forslaget mot gjeldende versjon» eller avvis forslaget.";

function operationFor(action: string): ArrangementOperation {
  const op = (ARRANGEMENT_OPERATIONS as Record<string, ArrangementOperation>)[action];
  if (!op) throw new Error(`Ukjent handling i endringsforslag: ${action}`);
  return op;
}

async function loadPending(tx: Tx, changeRequestId: number) {
  const request = await tx.changeRequest.findUnique({ where: { id: changeRequestId } });
  if (!request) throw new MutationFailure(fail("not_found", NOT_FOUND));
  return request;
}

/** Marks a pending request decided; a request decided concurrently by someone else matches nothing. */
async function closeRequest(tx: Tx, changeRequestId: number, data: Prisma.ChangeRequestUncheckedUpdateManyInput) {
  const updated = await tx.changeRequest.updateMany({ where: { id: changeRequestId, status: "PENDING" }, data });
  if (updated.count !== 1) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
}

const approveSchema = z.object({ changeRequestId: id("Ukjent endringsforslag."), comment: optionalText("Kommentaren", 2000) });

/** Prepares a pending request against the arrangement as it is now (shared by approve and resolve). */
async function replay(tx: Tx, actor: Actor, request: { action: string; payload: unknown; arrangementId: number | null; baseVersion: number | null }, baseVersion: number | null) {
  const op = operationFor(request.action);
  const input = op.schema.parse({ ...(request.payload as Record<string, unknown>), ...(baseVersion !== null ? { baseVersion } : {}) });
  const current = request.arrangementId ? await loadSnapshot(tx, request.arrangementId) : null;
  if (request.arrangementId && !current) throw new MutationFailure(fail("not_found", M.notFound));
  const lookups = await loadLookups(tx);
  const preview = await previewChange(op, input, current, { tx, lookups, actor });
  return { op, input, current, lookups, preview };
}

export async function approveChangeRequest(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = approveSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const { changeRequestId, comment } = parsed.data;
  return inTransaction(async (tx) => {
    const request = await loadPending(tx, changeRequestId);
    const decision = authorize(actor, "changeRequest.review");
    if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
    if (request.status !== "PENDING") throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    if (request.arrangementId) {
      const version = await tx.arrangement.findUnique({ where: { id: request.arrangementId }, select: { version: true } });
      if (!version) throw new MutationFailure(fail("not_found", M.notFound));
      if (version.version !== request.baseVersion) throw new MutationFailure(fail("conflict", CONFLICT_ON_APPROVE));
    }
    const { op, input, current, lookups, preview } = await replay(tx, actor, request, null);
    if ("errors" in preview) {
      const reasons = Object.values(preview.errors).flat().join(" ");
      throw new MutationFailure(fail("validation", `Forslaget passer ikke med ordningen slik den er nå: ${reasons} Avvis forslaget med en kommentar.`));
    }
    const arrangementId = await applyPreview(tx, { op, actor, input, current, after: preview.after, lookups, changeRequestId });
    await closeRequest(tx, changeRequestId, { status: "APPROVED", decidedById: actor.id, decidedAt: new Date(), comment: comment ?? null, arrangementId });
    return { ok: true, outcome: "applied", message: "Forslaget er godkjent, og endringen er publisert.", arrangementId, changeRequestId };
  });
}

const rejectSchema = z.object({ changeRequestId: id("Ukjent endringsforslag."), comment: requiredText("Kommentaren", 2000) });

export async function rejectChangeRequest(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = rejectSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (errors.comment) errors.comment = ["Skriv en kommentar til kommunen om hvorfor forslaget avvises."];
    return fail("validation", M.validation, errors);
  }
  const { changeRequestId, comment } = parsed.data;
  return inTransaction(async (tx) => {
    const request = await loadPending(tx, changeRequestId);
    const decision = authorize(actor, "changeRequest.review");
    if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
    if (request.status !== "PENDING") throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    await closeRequest(tx, changeRequestId, { status: "REJECTED", decidedById: actor.id, decidedAt: new Date(), comment });
    return { ok: true, outcome: "done", message: "Forslaget er avvist. Kommunen ser kommentaren din.", changeRequestId };
  });
}

const withdrawSchema = z.object({ changeRequestId: id("Ukjent endringsforslag.") });

export async function withdrawChangeRequest(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = withdrawSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  return inTransaction(async (tx) => {
    const request = await loadPending(tx, parsed.data.changeRequestId);
    const decision = authorize(actor, "changeRequest.withdraw", { proposerId: request.proposerId });
    if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
    if (request.status !== "PENDING") throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    await closeRequest(tx, request.id, { status: "WITHDRAWN", decidedAt: new Date() });
    return { ok: true, outcome: "done", message: "Forslaget er trukket tilbake.", changeRequestId: request.id };
  });
}

/**
 * Resolves a conflict: the proposal is re-based on the arrangement's current version (only the
 * fields it changes are kept) and its diff recomputed, so the adviser reviews it against what is
 * there now before approving. Refused when the proposal no longer fits.
 */
export async function resolveChangeRequestConflict(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = withdrawSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  return inTransaction(async (tx) => {
    const request = await loadPending(tx, parsed.data.changeRequestId);
    const decision = authorize(actor, "changeRequest.review");
    if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
    if (request.status !== "PENDING") throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    if (!request.arrangementId) throw new MutationFailure(fail("validation", "Forslaget om en ny ordning kan ikke komme i konflikt."));
    const latest = await tx.arrangement.findUnique({ where: { id: request.arrangementId }, select: { version: true } });
    if (!latest) throw new MutationFailure(fail("not_found", M.notFound));
    if (latest.version === request.baseVersion) throw new MutationFailure(fail("validation", "Forslaget er ikke i konflikt med gjeldende versjon."));
    const { current, lookups, preview } = await replay(tx, actor, request, latest.version);
    if ("errors" in preview) {
      const reasons = Object.values(preview.errors).flat().join(" ");
      throw new MutationFailure(fail("validation", `Forslaget kan ikke brukes på gjeldende versjon: ${reasons} Avvis forslaget med en kommentar.`));
    }
    const diff = diffSnapshots(current, preview.after, lookups);
    if (diff.length === 0) throw new MutationFailure(fail("validation", "Gjeldende versjon har allerede alle endringene i forslaget. Avvis det med en kommentar."));
    const updated = await tx.changeRequest.updateMany({
      where: { id: request.id, status: "PENDING", baseVersion: request.baseVersion },
      data: { baseVersion: latest.version, payload: preview.payload as Prisma.InputJsonValue, diff: diff as unknown as Prisma.InputJsonValue },
    });
    if (updated.count !== 1) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    return { ok: true, outcome: "done", message: `Forslaget er oppdatert mot versjon ${latest.version}. Se over endringene før du godkjenner.`, changeRequestId: request.id };
  });
}
