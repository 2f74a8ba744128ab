import "server-only";
import { type Actor, authorize, type Decision } from "@/lib/auth/authorize";
import type { AuditInput } from "@/lib/audit/record";
import { toJson } from "@/lib/db";
import type { ArrangementOperation, BoundChange } from "./arrangements.ts";
import { fail, MESSAGES as M } from "./messages.ts";
import { defineMutation, type Mutation, type Success } from "./mutation.ts";
import { MutationFailure } from "./result.ts";
import { type ArrangementSnapshot, diffSnapshots, loadLookups, loadSnapshot, type Lookups, type Tx, writeSnapshot } from "./snapshot.ts";

export function decide(change: BoundChange, actor: Actor): Decision {
  if (change.kind === "restore") return authorize(actor, "arrangement.restore");
  return authorize(actor, change.kind === "create" ? "arrangement.create" : "arrangement.edit", { municipalityIds: change.municipalityIds });
}

/** Binds a parsed change to the stored arrangement; not_found when that is gone. */
export async function bind(tx: Tx, parsed: (tx: Tx) => Promise<BoundChange | null>): Promise<BoundChange> {
  const change = await parsed(tx);
  if (!change) throw new MutationFailure(fail("not_found", M.notFound));
  return change;
}

/** Writes a previewed change (the optimistic version check is in writeSnapshot) and returns its audit event. Inside the caller's transaction. */
export async function applyPreview(
  tx: Tx,
  args: { change: BoundChange; after: ArrangementSnapshot; lookups: Lookups; changeRequestId?: number },
): Promise<{ arrangementId: number; audit: Omit<AuditInput, "actor"> }> {
  const arrangementId = await writeSnapshot(tx, args.change.current, args.after);
  const saved = await loadSnapshot(tx, arrangementId);
  return {
    arrangementId,
    audit: {
      action: args.change.name,
      summary: args.change.summary(args.after, args.lookups),
      arrangementId,
      changeRequestId: args.changeRequestId ?? null,
      before: args.change.current,
      after: saved,
    },
  };
}

/**
 * One bound, authorized change inside the caller's transaction: conflict check → preview →
 * propose (kommune) or apply (adviser, admin). The arrangement mutations run it one at a time; the
 * spreadsheet import (lib/import) runs it for every change in a file, in one transaction. Returns
 * the answer, the audit event to write (when applied) and the arrangement as it is after the change.
 */
export async function runBoundChange(
  tx: Tx,
  args: { actor: Actor; change: BoundChange; decision: Extract<Decision, { allowed: true }>; lookups?: Lookups },
): Promise<{ result: Success; audit?: Omit<AuditInput, "actor">; after: ArrangementSnapshot }> {
  const { actor, change, decision } = args;
  const { current } = change;
  if (current && current.version !== change.baseVersion) throw new MutationFailure(fail("conflict", M.conflict));

  const lookups = args.lookups ?? (await loadLookups(tx));
  const preview = await change.preview({ tx, lookups, actor });
  if ("errors" in preview) throw new MutationFailure(fail("validation", preview.message ?? M.validation, preview.errors));
  const diff = diffSnapshots(current, preview.after, lookups);
  if (diff.length === 0) throw new MutationFailure(fail("validation", M.noChange));

  if (decision.mode === "propose") {
    const request = await tx.changeRequest.create({
      data: {
        action: change.name,
        arrangementId: current?.id ?? null,
        municipalityId: actor.municipalityIds.find((m) => change.municipalityIds.includes(m)) ?? null,
        proposerId: actor.id,
        baseVersion: current?.version ?? null,
        payload: toJson(preview.payload),
        diff: toJson(diff),
        summary: change.summary(preview.after, lookups).slice(0, 500),
      },
    });
    return {
      after: preview.after,
      result: {
        ok: true,
        outcome: "proposed",
        message: "Endringsforslaget er sendt til Statsforvalteren. Det blir synlig for alle når det er godkjent.",
        changeRequestId: request.id,
        arrangementId: current?.id ?? undefined,
      },
    };
  }
  const { arrangementId, audit } = await applyPreview(tx, { change, after: preview.after, lookups });
  return { after: preview.after, result: { ok: true, outcome: "applied", message: change.kind === "create" ? "Ordningen er opprettet." : "Endringen er lagret.", arrangementId }, audit };
}

/**
 * The pipeline for every arrangement mutation: zod → authorize → conflict check → preview →
 * propose (kommune) or apply (adviser, admin) → audit, all in one transaction.
 */
export function arrangementMutation(op: ArrangementOperation): Mutation {
  return defineMutation({
    schema: op.schema,
    load: bind,
    authorize: (actor, _parsed, change) => decide(change, actor),
    async apply(tx, { actor, loaded: change, decision }) {
      const { result, audit } = await runBoundChange(tx, { actor, change, decision });
      return { result, audit };
    },
  });
}
