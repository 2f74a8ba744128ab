import { z } from "zod";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { DEMO_PASSWORDS } from "@/lib/auth/demo-accounts";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { normaliseEmail } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record";
import { inTransaction, UNAUTHENTICATED } from "./pipeline.ts";
import { fail, fieldErrors, MESSAGES as M } from "./messages.ts";
import { MutationFailure, type MutationResult } from "./result.ts";
import type { Tx } from "./snapshot.ts";
import { id, idList, requiredText } from "./validation.ts";

/** Account administration (admins only). Users are never deleted: they are deactivated. */
const role = z.enum(["KOMMUNE", "STATSFORVALTER", "ADMIN"], { error: "Velg en rolle." });
const email = z
  .string({ error: "Skriv e-postadressen." })
  .trim()
  .max(320, { error: "E-postadressen er for lang." })
  .pipe(z.email({ error: "Skriv en gyldig e-postadresse." }))
  .transform(normaliseEmail);
const password = z.string({ error: "Skriv et passord." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
  else if (DEMO_PASSWORDS.includes(value)) ctx.addIssue({ code: "custom", message: "Dette passordet er offentlig kjent (demokonto). Velg et annet." });
});

const scopeRule = (data: { role: string; municipalityIds: number[] }, ctx: z.RefinementCtx) => {
  if (data.role === "KOMMUNE" && data.municipalityIds.length === 0) ctx.addIssue({ code: "custom", path: ["municipalityIds"], message: "En kommunebruker må ha minst én kommune." });
};

const createSchema = z
  .object({ email, name: requiredText("Navnet", 200), role, municipalityIds: idList("Velg gyldige kommuner.", 50), password })
  .superRefine(scopeRule);
const updateSchema = z
  .object({ userId: id("Ukjent bruker."), name: requiredText("Navnet", 200), role, municipalityIds: idList("Velg gyldige kommuner.", 50) })
  .superRefine(scopeRule);
const activeSchema = z.object({ userId: id("Ukjent bruker."), active: z.preprocess((v) => v === true || v === "true", z.boolean()) });
const passwordSchema = z.object({ userId: id("Ukjent bruker."), password });

function guard(actor: Actor) {
  const decision = authorize(actor, "user.manage");
  if (!decision.allowed) throw new MutationFailure(fail("forbidden", decision.reason));
}

async function publicUser(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { municipalities: { orderBy: { municipalityId: "asc" } } } });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, municipalityIds: user.municipalities.map((m) => m.municipalityId) };
}

async function checkMunicipalities(tx: Tx, ids: number[]) {
  const found = await tx.municipality.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new MutationFailure(fail("validation", M.validation, { municipalityIds: ["Ukjent kommune."] }));
}

async function keepOneAdmin(tx: Tx, userId: number) {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new MutationFailure(fail("validation", "Det må finnes minst én aktiv administrator."));
}

export async function createUser(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const input = parsed.data;
  const municipalityIds = input.role === "KOMMUNE" ? [...new Set(input.municipalityIds)] : [];
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    guard(actor);
    await checkMunicipalities(tx, municipalityIds);
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new MutationFailure(fail("validation", M.validation, { email: ["Det finnes allerede en bruker med denne e-postadressen."] }));
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash, municipalities: { create: municipalityIds.map((municipalityId) => ({ municipalityId })) } },
    });
    await recordAudit(tx, { actor, action: "createUser", summary: `Bruker opprettet: ${user.email}`, targetUserId: user.id, after: await publicUser(tx, user.id) });
    return { ok: true, outcome: "done", message: `Brukeren ${user.email} er opprettet. Gi personen passordet på en sikker måte.`, userId: user.id };
  });
}

export async function updateUser(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const input = parsed.data;
  const municipalityIds = input.role === "KOMMUNE" ? [...new Set(input.municipalityIds)] : [];
  return inTransaction(async (tx) => {
    guard(actor);
    const before = await publicUser(tx, input.userId);
    if (!before) throw new MutationFailure(fail("not_found", "Fant ikke brukeren."));
    await checkMunicipalities(tx, municipalityIds);
    if (before.role === "ADMIN" && input.role !== "ADMIN") await keepOneAdmin(tx, input.userId);
    await tx.user.update({ where: { id: input.userId }, data: { name: input.name, role: input.role } });
    await tx.userMunicipality.deleteMany({ where: { userId: input.userId } });
    if (municipalityIds.length) await tx.userMunicipality.createMany({ data: municipalityIds.map((municipalityId) => ({ userId: input.userId, municipalityId })) });
    await recordAudit(tx, { actor, action: "updateUser", summary: `Bruker endret: ${before.email}`, targetUserId: input.userId, before, after: await publicUser(tx, input.userId) });
    return { ok: true, outcome: "done", message: "Brukeren er oppdatert.", userId: input.userId };
  });
}

export async function setUserActive(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = activeSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const { userId, active } = parsed.data;
  return inTransaction(async (tx) => {
    guard(actor);
    const before = await publicUser(tx, userId);
    if (!before) throw new MutationFailure(fail("not_found", "Fant ikke brukeren."));
    if (!active && userId === actor.id) throw new MutationFailure(fail("validation", "Du kan ikke deaktivere deg selv."));
    if (!active && before.role === "ADMIN") await keepOneAdmin(tx, userId);
    if (before.active === active) throw new MutationFailure(fail("validation", active ? "Brukeren er allerede aktiv." : "Brukeren er allerede deaktivert."));
    await tx.user.update({ where: { id: userId }, data: { active, deactivatedAt: active ? null : new Date() } });
    await recordAudit(tx, { actor, action: "setUserActive", summary: `${active ? "Bruker aktivert" : "Bruker deaktivert"}: ${before.email}`, targetUserId: userId, before, after: await publicUser(tx, userId) });
    return { ok: true, outcome: "done", message: active ? "Brukeren er aktivert igjen." : "Brukeren er deaktivert og kan ikke lenger logge inn. Historikken er beholdt.", userId };
  });
}

export async function setUserPassword(actor: Actor | null, raw: unknown): Promise<MutationResult> {
  if (!actor) return fail("unauthenticated", UNAUTHENTICATED);
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) return fail("validation", M.validation, fieldErrors(parsed.error));
  const passwordHash = await hashPassword(parsed.data.password);
  return inTransaction(async (tx) => {
    guard(actor);
    const user = await publicUser(tx, parsed.data.userId);
    if (!user) throw new MutationFailure(fail("not_found", "Fant ikke brukeren."));
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit(tx, { actor, action: "setUserPassword", summary: `Nytt passord satt for ${user.email}`, targetUserId: user.id });
    return { ok: true, outcome: "done", message: "Nytt passord er satt. Gi det til personen på en sikker måte.", userId: user.id };
  });
}
