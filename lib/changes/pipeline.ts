import "server-only";
import { type Actor, authorize, type Decision } from "@/lib/auth/authorize";
import type { AuditInput } from "@/lib/audit/record";
import { z } from "zod";
import type { ArrangementOperation, BoundChange } from "./arrangements.ts";
import { propose, reconcileOpenRequests } from "./requests.ts";
import { fail, MESSAGES as M } from "./messages.ts";
import { defineMutation, type Mutation, type Success } from "./mutation.ts";
import { MutationFailure } from "./result.ts";
import { type ArrangementSnapshot, diffSnapshots, loadLookups, loadSnapshot, type Lookups, type Tx, writeSnapshot } from "./snapshot.ts";
import { optionalId, optionalText } from "./validation.ts";

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
  args: { change: Pick<BoundChange, "name" | "current"> & { summary(after: ArrangementSnapshot, lookups: Lookups): string }; after: ArrangementSnapshot; lookups: Lookups; changeRequestId?: number },
): Promise<{ arrangementId: number; audit: Omit<AuditInput, "actor"> }> {
  const arrangementId = await writeSnapshot(tx, args.change.current, args.after);
  const saved = (await loadSnapshot(tx, arrangementId))!;
  if (args.change.current) await reconcileOpenRequests(tx, saved, args.changeRequestId ?? null);
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

/** What every arrangement form may send besides the operation's own fields. */
const ENVELOPE = {
  justification: optionalText("Begrunnelsen", 2000),
  /** Set when the proposer revises a request that was sent back (the same request is resubmitted). */
  changeRequestId: optionalId("Ukjent endringsforslag."),
};

/**
 * The operation's schema plus the envelope: the first stage reads the envelope and passes the
 * operation's fields through untouched (so they are named in the schema), the second parses them
 * with the operation's own schema.
 */
function withEnvelope(op: ArrangementOperation) {
  const passThrough = Object.fromEntries(op.fields.filter((f) => !(f in ENVELOPE)).map((f) => [f, z.unknown().optional()]));
  return z
    .object({ ...passThrough, ...ENVELOPE })
    .loose()
    .transform((input, ctx) => {
      const { justification, changeRequestId, ...rest } = input;
      // Fields the form did not send stay absent (zod adds the named ones as undefined).
      const parsed = op.schema.safeParse(Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
        return z.NEVER;
      }
      return { parsed: parsed.data, justification, changeRequestId };
    });
}

/**
 * One bound, authorized change inside the caller's transaction: conflict check → preview →
 * propose (kommune) or apply (adviser, admin). The arrangement mutations run it one at a time; the
 * spreadsheet import (lib/import) runs it for every change in a file, in one transaction. Returns
 * the answer, the audit event to write (when applied) and the arrangement as it is after the change.
 */
export async function runBoundChange(
  tx: Tx,
  args: {
    actor: Actor;
    change: BoundChange;
    decision: Extract<Decision, { allowed: true }>;
    lookups?: Lookups;
    /** The proposer's justification, and the request being revised after «Send tilbake». */
    justification?: string | null;
    reviseId?: number | null;
  },
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
    const proposed = await propose(tx, { actor, change, preview, diff, lookups, justification: args.justification ?? null, reviseId: args.reviseId ?? null });
    return { ...proposed, after: preview.after };
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
    schema: withEnvelope(op),
    load: (tx, input) => bind(tx, input.parsed),
    authorize: (actor, _parsed, change) => decide(change, actor),
    async apply(tx, { actor, input, loaded: change, decision }) {
      const { result, audit } = await runBoundChange(tx, { actor, change, decision, justification: input.justification, reviseId: input.changeRequestId });
      return { result, audit };
    },
  });
}
