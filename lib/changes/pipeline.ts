import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, authorize, type Decision } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { type ArrangementOperation, previewChange } from "./arrangements.ts";
import { fail, fieldErrors, MESSAGES as M } from "./messages.ts";
import { MutationFailure, type MutationResult } from "./result.ts";
import { activeParticipants, type ArrangementSnapshot, diffSnapshots, loadLookups, loadSnapshot, type Lookups, type Tx, writeSnapshot } from "./snapshot.ts";

export const UNAUTHENTICATED = "Du må logge inn for å gjøre dette.";

/** Runs `work` in one transaction; a MutationFailure rolls back and becomes the result, anything
 * else rolls back and becomes a generic Norwegian error (logged, never shown). */
export async function inTransaction(work: (tx: Prisma.TransactionClient) => Promise<MutationResult>): Promise<MutationResult> {
  try {
    return await prisma.$transaction(work, { timeout: 20_000 });
  } catch (error) {
    if (error instanceof MutationFailure) return error.result;
    // The database's guarantee (trigger participation_no_overlap) when the check in
    // participationOverlapErrors was passed by a concurrent write: the same rule, the same kind of answer.
    if (/participation_no_overlap/.test(String((error as Error)?.message ?? error))) return fail("validation", M.participationOverlap);
    console.error("Mutasjon feilet og ble rullet tilbake", error);
    return fail("error", M.error);
  }
}

export function decide(op: ArrangementOperation, actor: Actor, input: Record<string, unknown>, current: ArrangementSnapshot | null): Decision {
  if (op.kind === "restore") return authorize(actor, "arrangement.restore");
  if (op.kind === "create") return authorize(actor, "arrangement.create", { municipalityIds: op.proposedMunicipalities?.(input) ?? [] });
  return authorize(actor, "arrangement.edit", { municipalityIds: activeParticipants(current!).map((p) => p.municipalityId) });
}

/** Applies a previewed change: optimistic version check, write, audit. Inside the caller's transaction. */
export async function applyPreview(
  tx: Tx,
  args: { op: ArrangementOperation; actor: Actor; input: Record<string, unknown>; current: ArrangementSnapshot | null; after: ArrangementSnapshot; lookups: Lookups; changeRequestId?: number },
): Promise<number> {
  const arrangementId = await writeSnapshot(tx, args.current, args.after);
  const saved = await loadSnapshot(tx, arrangementId);
  await recordAudit(tx, {
    actor: args.actor,
    action: args.op.name,
    summary: args.op.summary(args.input, args.current, args.after, args.lookups),
    arrangementId,
    changeRequestId: args.changeRequestId ?? null,
    before: args.current,
    after: saved,
  });
  return arrangementId;
}

/**
 * The pipeline for every arrangement mutation: zod → authorize → conflict check → preview →
 * propose (kommune) or apply (adviser, admin) → audit, all in one transaction.
 */
export async function runArrangementMutation(op: ArrangementOperation, actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = op.schema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const input = parsed.data;

  return inTransaction(async (tx) => {
    const current = op.kind === "create" ? null : await loadSnapshot(tx, input.arrangementId!);
    if (op.kind !== "create" && !current) throw new MutationFailure(fail("not_found", M.notFound));
    const decision = decide(op, actor, input, current);
    if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
    if (current && current.version !== input.baseVersion) throw new MutationFailure(fail("conflict", M.conflict));

    const lookups = await loadLookups(tx);
    const preview = await previewChange(op, input, current, { tx, lookups, actor });
    if ("errors" in preview) throw new MutationFailure(fail("validation", preview.message ?? M.validation, preview.errors));
    const diff = diffSnapshots(current, preview.after, lookups);
    if (diff.length === 0) throw new MutationFailure(fail("validation", M.noChange));

    if (decision.mode === "propose") {
      const involved = op.kind === "create" ? (op.proposedMunicipalities?.(input) ?? []) : activeParticipants(current!).map((p) => p.municipalityId);
      const request = await tx.changeRequest.create({
        data: {
          action: op.name,
          arrangementId: current?.id ?? null,
          municipalityId: actor.municipalityIds.find((m) => involved.includes(m)) ?? null,
          proposerId: actor.id,
          baseVersion: current?.version ?? null,
          payload: preview.payload as Prisma.InputJsonValue,
          diff: diff as unknown as Prisma.InputJsonValue,
          summary: op.summary(input, current, preview.after, lookups).slice(0, 500),
        },
      });
      return {
        ok: true,
        outcome: "proposed",
        message: "Endringsforslaget er sendt til Statsforvalteren. Det blir synlig for alle når det er godkjent.",
        changeRequestId: request.id,
        arrangementId: current?.id ?? undefined,
      };
    }
    const arrangementId = await applyPreview(tx, { op, actor, input, current, after: preview.after, lookups });
    return { ok: true, outcome: "applied", message: op.kind === "create" ? "Ordningen er opprettet." : "Endringen er lagret.", arrangementId };
  });
}
