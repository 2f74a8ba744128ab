import "server-only";
import type { z } from "zod";
import type { Actor, Decision } from "@/lib/auth/authorize";
import { type AuditInput, recordAudit } from "@/lib/audit/record";
import { prisma, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { kickOutbox } from "@/lib/mail/worker";
import { fail, type FieldErrors, MESSAGES as M, MutationFailure, type MutationResult } from "./result.ts";
import { fieldErrors } from "./validation.ts";

export const UNAUTHENTICATED = "Du må logge inn for å gjøre dette.";

/** One mutation as server actions and tests call it: the actor (null when logged out) and the raw form. */
export type Mutation = ((actor: Actor | null, raw: unknown) => Promise<MutationResult>) & {
  /** The zod schema the raw input is checked against (tests run every schema against bad input). */
  readonly schema: z.ZodType;
};

export type Failure = Extract<MutationResult, { ok: false }>;
export type Success = Extract<MutationResult, { ok: true }>;
export type Allowed = Extract<Decision, { allowed: true }>;

/** What `apply` hands back: the answer, and the audit event the pipeline writes in the same transaction. */
export interface Applied {
  result: Success;
  audit?: Omit<AuditInput, "actor">;
}

/**
 * One mutation, typed from its zod schema: `load`, `authorize` and `apply` see `z.output<S>`, so
 * no mutation casts its input. `L` is what `load` finds for authorization (the arrangement, the
 * change request); `load` throws a MutationFailure (not_found) when it is missing.
 */
export interface MutationDefinition<S extends z.ZodType, L> {
  schema: S;
  /** The answer when the schema rejects the input (default: the form's field errors). */
  invalid?(errors: FieldErrors): Failure;
  load(tx: Tx, input: z.output<S>): Promise<L>;
  authorize(actor: Actor, input: z.output<S>, loaded: L): Decision;
  apply(tx: Tx, args: { actor: Actor; input: z.output<S>; loaded: L; decision: Allowed }): Promise<Applied>;
}

/** Runs `work` in one transaction; a MutationFailure rolls back and becomes the result, anything
 * else rolls back and becomes a generic Norwegian error (logged, never shown). */
export async function inTransaction(work: (tx: Tx) => Promise<MutationResult>): Promise<MutationResult> {
  try {
    const result = await prisma.$transaction(work, { timeout: 20_000 });
    // Mails the mutation wrote are committed with it; send them now (docs/decisions/0048).
    if (result.ok) kickOutbox();
    return result;
  } catch (error) {
    if (error instanceof MutationFailure) return error.result;
    // The database's guarantee (trigger participation_no_overlap) when the check in
    // participationOverlapErrors was passed by a concurrent write: the same rule, the same kind of answer.
    const text = error instanceof Error ? error.message : String(error);
    if (/participation_no_overlap/.test(text)) return fail("validation", M.participationOverlap);
    // A unique key taken by a concurrent transaction after this one's own check passed (two
    // simultaneous creates with the same e-mail or name): the same answer as the check gives.
    const clash = uniqueClash(error);
    if (clash) return fail("validation", M.validation, clash);
    log.error({ err: error }, "Mutasjon feilet og ble rullet tilbake");
    return fail("error", M.error);
  }
}

/** Field errors for a unique-constraint violation (Prisma P2002 / SQLSTATE 23505), or null. */
export function uniqueClash(error: unknown): FieldErrors | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, meta, message } = error as { code?: unknown; meta?: unknown; message?: unknown };
  const detail = `${JSON.stringify(meta ?? null)} ${typeof message === "string" ? message : ""}`;
  if (code !== "P2002" && !/\b23505\b|Unique constraint/i.test(detail)) return null;
  if (/email/i.test(detail)) return { email: [UNIQUE_MESSAGES.email] };
  if (/slug|Arrangement/i.test(detail)) return { name: [UNIQUE_MESSAGES.name] };
  return { _form: [UNIQUE_MESSAGES.other] };
}

export const UNIQUE_MESSAGES = {
  email: "Det finnes allerede en bruker med denne e-postadressen.",
  name: "Det finnes allerede en ordning med dette navnet (den ble registrert akkurat nå). Se etter den i listen før du prøver igjen.",
  other: "Dette finnes allerede. Last siden på nytt og se etter før du prøver igjen.",
} as const;

/**
 * The one pipeline every mutation runs through: zod → (in one transaction) load → authorize →
 * apply → audit. A failure at any step rolls the whole transaction back.
 */
export function defineMutation<S extends z.ZodType, L = null>(definition: MutationDefinition<S, L>): Mutation {
  const run = pipeline(definition as unknown as PublicMutationDefinition<S, L>);
  const guarded = async (actor: Actor | null, raw: unknown): Promise<MutationResult> => (actor ? run(actor, raw) : fail("unauthenticated", UNAUTHENTICATED));
  return Object.assign(guarded, { schema: definition.schema });
}

/**
 * A mutation anyone may start without a login, proven otherwise (a one-time link from an e-mail,
 * «Glemt passord»): the same pipeline, but `authorize` and `apply` also get a null actor.
 */
export interface PublicMutationDefinition<S extends z.ZodType, L> extends Omit<MutationDefinition<S, L>, "authorize" | "apply"> {
  authorize(actor: Actor | null, input: z.output<S>, loaded: L): Decision;
  apply(tx: Tx, args: { actor: Actor | null; input: z.output<S>; loaded: L; decision: Allowed }): Promise<Applied>;
}

export function definePublicMutation<S extends z.ZodType, L = null>(definition: PublicMutationDefinition<S, L>): Mutation {
  return pipeline(definition);
}

function pipeline<S extends z.ZodType, L>(definition: PublicMutationDefinition<S, L>): Mutation {
  const run = async (actor: Actor | null, raw: unknown): Promise<MutationResult> => {
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return definition.invalid ? definition.invalid(errors) : fail("validation", M.validation, errors);
    }
    const input = parsed.data;
    return inTransaction(async (tx) => {
      const loaded = await definition.load(tx, input);
      const decision = definition.authorize(actor, input, loaded);
      if (!decision.allowed) throw new MutationFailure(fail(actor ? "forbidden" : "unauthenticated", decision.reason));
      const { result, audit } = await definition.apply(tx, { actor, input, loaded, decision });
      if (!audit) return result;
      const auditEventId = await recordAudit(tx, { actor, ...audit });
      return result.outcome === "applied" ? { ...result, auditEventId } : result;
    });
  };
  return Object.assign(run, { schema: definition.schema });
}

/** For mutations whose authorization needs nothing from the database. */
export const loadNothing = async (): Promise<null> => null;
