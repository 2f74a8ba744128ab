import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { toJson } from "@/lib/db";
import { operationNamed } from "./arrangements.ts";
import { fail, MESSAGES as M } from "./messages.ts";
import { defineMutation } from "./mutation.ts";
import { applyPreview, bind } from "./pipeline.ts";
import { MutationFailure } from "./result.ts";
import { diffSnapshots, loadLookups, type Tx } from "./snapshot.ts";
import { id, optionalText, requiredText } from "./validation.ts";

/** Deciding on endringsforslag: approve (applies it), reject with a comment, withdraw, resolve a conflict. */
const NOT_FOUND = "Fant ikke endringsforslaget.";
const ALREADY_DECIDED = "Forslaget er allerede behandlet.";

export const CONFLICT_ON_APPROVE =
  "Ordningen er endret etter at forslaget ble sendt. Godkjenning er sperret til konflikten er løst: se gjeldende verdier, og velg «Oppdater forslaget mot gjeldende versjon» eller avvis forslaget.";

const isJsonObject = (value: Prisma.JsonValue): value is Prisma.JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

async function loadRequest(tx: Tx, input: { changeRequestId: number }) {
  const request = await tx.changeRequest.findUnique({ where: { id: input.changeRequestId } });
  if (!request) throw new MutationFailure(fail("not_found", NOT_FOUND));
  return request;
}

/** Marks a pending request decided; a request decided concurrently by someone else matches nothing. */
async function closeRequest(tx: Tx, changeRequestId: number, data: Prisma.ChangeRequestUncheckedUpdateManyInput) {
  const updated = await tx.changeRequest.updateMany({ where: { id: changeRequestId, status: "PENDING" }, data });
  if (updated.count !== 1) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
}

function ensurePending(request: { status: string }) {
  if (request.status !== "PENDING") throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
}

/** Prepares a pending request against the arrangement as it is now (shared by approve and resolve). */
async function replay(tx: Tx, actor: Actor, request: { action: string; payload: Prisma.JsonValue }, baseVersion: number | null) {
  const op = operationNamed(request.action);
  if (!op) throw new Error(`Ukjent handling i endringsforslag: ${request.action}`);
  const payload = isJsonObject(request.payload) ? request.payload : {};
  const change = await bind(tx, op.schema.parse({ ...payload, ...(baseVersion !== null ? { baseVersion } : {}) }));
  const lookups = await loadLookups(tx);
  const preview = await change.preview({ tx, lookups, actor });
  return { change, lookups, preview };
}

const reviewer = (actor: Actor) => authorize(actor, "changeRequest.review");

export const approveChangeRequest = defineMutation({
  schema: z.object({ changeRequestId: id("Ukjent endringsforslag."), comment: optionalText("Kommentaren", 2000) }),
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, input: { changeRequestId, comment }, loaded: request }) {
    ensurePending(request);
    if (request.arrangementId) {
      const version = await tx.arrangement.findUnique({ where: { id: request.arrangementId }, select: { version: true } });
      if (!version) throw new MutationFailure(fail("not_found", M.notFound));
      if (version.version !== request.baseVersion) throw new MutationFailure(fail("conflict", CONFLICT_ON_APPROVE));
    }
    const { change, lookups, preview } = await replay(tx, actor, request, null);
    if ("errors" in preview) {
      const reasons = Object.values(preview.errors).flat().join(" ");
      throw new MutationFailure(fail("validation", `Forslaget passer ikke med ordningen slik den er nå: ${reasons} Avvis forslaget med en kommentar.`));
    }
    const { arrangementId, audit } = await applyPreview(tx, { change, after: preview.after, lookups, changeRequestId });
    await closeRequest(tx, changeRequestId, { status: "APPROVED", decidedById: actor.id, decidedAt: new Date(), comment, arrangementId });
    return { result: { ok: true, outcome: "applied", message: "Forslaget er godkjent, og endringen er publisert.", arrangementId, changeRequestId }, audit };
  },
});

export const rejectChangeRequest = defineMutation({
  schema: z.object({ changeRequestId: id("Ukjent endringsforslag."), comment: requiredText("Kommentaren", 2000) }),
  invalid: (errors) => fail("validation", M.validation, errors.comment ? { ...errors, comment: ["Skriv en kommentar til kommunen om hvorfor forslaget avvises."] } : errors),
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, input: { changeRequestId, comment }, loaded: request }) {
    ensurePending(request);
    await closeRequest(tx, changeRequestId, { status: "REJECTED", decidedById: actor.id, decidedAt: new Date(), comment });
    return { result: { ok: true, outcome: "done", message: "Forslaget er avvist. Kommunen ser kommentaren din.", changeRequestId } };
  },
});

const requestOnly = z.object({ changeRequestId: id("Ukjent endringsforslag.") });

export const withdrawChangeRequest = defineMutation({
  schema: requestOnly,
  load: loadRequest,
  authorize: (actor, _input, request) => authorize(actor, "changeRequest.withdraw", { proposerId: request.proposerId }),
  async apply(tx, { loaded: request }) {
    ensurePending(request);
    await closeRequest(tx, request.id, { status: "WITHDRAWN", decidedAt: new Date() });
    return { result: { ok: true, outcome: "done", message: "Forslaget er trukket tilbake.", changeRequestId: request.id } };
  },
});

/**
 * Resolves a conflict: the proposal is re-based on the arrangement's current version (only the
 * fields it changes are kept) and its diff recomputed, so the adviser reviews it against what is
 * there now before approving. Refused when the proposal no longer fits.
 */
export const resolveChangeRequestConflict = defineMutation({
  schema: requestOnly,
  load: loadRequest,
  authorize: reviewer,
  async apply(tx, { actor, loaded: request }) {
    ensurePending(request);
    if (!request.arrangementId) throw new MutationFailure(fail("validation", "Forslaget om en ny ordning kan ikke komme i konflikt."));
    const latest = await tx.arrangement.findUnique({ where: { id: request.arrangementId }, select: { version: true } });
    if (!latest) throw new MutationFailure(fail("not_found", M.notFound));
    if (latest.version === request.baseVersion) throw new MutationFailure(fail("validation", "Forslaget er ikke i konflikt med gjeldende versjon."));
    const { change, lookups, preview } = await replay(tx, actor, request, latest.version);
    if ("errors" in preview) {
      const reasons = Object.values(preview.errors).flat().join(" ");
      throw new MutationFailure(fail("validation", `Forslaget kan ikke brukes på gjeldende versjon: ${reasons} Avvis forslaget med en kommentar.`));
    }
    const diff = diffSnapshots(change.current, preview.after, lookups);
    if (diff.length === 0) throw new MutationFailure(fail("validation", "Gjeldende versjon har allerede alle endringene i forslaget. Avvis det med en kommentar."));
    const updated = await tx.changeRequest.updateMany({
      where: { id: request.id, status: "PENDING", baseVersion: request.baseVersion },
      data: { baseVersion: latest.version, payload: toJson(preview.payload), diff: toJson(diff) },
    });
    if (updated.count !== 1) throw new MutationFailure(fail("conflict", ALREADY_DECIDED));
    return { result: { ok: true, outcome: "done", message: `Forslaget er oppdatert mot versjon ${latest.version}. Se over endringene før du godkjenner.`, changeRequestId: request.id } };
  },
});
