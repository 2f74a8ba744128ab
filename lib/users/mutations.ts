import "server-only";
import { z } from "zod";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { DEMO_PASSWORDS } from "@/lib/auth/demo-accounts";
import { passwordProblem } from "@/lib/auth/password";
import { normaliseEmail } from "@/lib/auth/rate-limit";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import type { Tx } from "@/lib/db";
import { defineMutation, loadNothing, UNIQUE_MESSAGES } from "@/lib/changes/mutation";
import { fail, MESSAGES as M, MutationFailure } from "@/lib/changes/result";
import { id, idList, noControlCharacters, requiredText } from "@/lib/changes/validation";
import { issueAccountToken, mailAccountLink, smtpConfigured, spendAccountTokens } from "./tokens.ts";

/**
 * Account administration (admins only), through the same pipeline as every other mutation
 * (lib/changes/mutation.ts): zod → authorize → apply → audit, in one transaction.
 * Users are never deleted: they are deactivated.
 */
const role = z.enum(["KOMMUNE", "STATSFORVALTER", "ADMIN"], { error: "Velg en rolle." });
export const email = z
  .string({ error: "Skriv e-postadressen." })
  .trim()
  .max(320, { error: "E-postadressen er for lang." })
  .refine(noControlCharacters, { error: "E-postadressen kan ikke inneholde kontrolltegn." })
  .pipe(z.email({ error: "Skriv en gyldig e-postadresse." }))
  .transform(normaliseEmail);
export const password = z.string({ error: "Skriv et passord." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
  else if (DEMO_PASSWORDS.includes(value)) ctx.addIssue({ code: "custom", message: "Dette passordet er offentlig kjent (demokonto). Velg et annet." });
});

const scopeRule = (data: { role: string; municipalityIds: number[] }, ctx: z.RefinementCtx) => {
  if (data.role === "KOMMUNE" && data.municipalityIds.length === 0) ctx.addIssue({ code: "custom", path: ["municipalityIds"], message: "En kommunebruker må ha minst én kommune." });
};

export const userId = id("Ukjent bruker.");
const municipalityIds = idList("Velg gyldige kommuner.", 50);

export const manage = (actor: Actor) => authorize(actor, "user.manage");

const USER_NOT_FOUND = "Fant ikke brukeren.";

async function publicUser(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { municipalities: { orderBy: { municipalityId: "asc" } } } });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, municipalityIds: user.municipalities.map((m) => m.municipalityId) };
}

export async function existingUser(tx: Tx, userId: number) {
  const user = await publicUser(tx, userId);
  if (!user) throw new MutationFailure(fail("not_found", USER_NOT_FOUND));
  return user;
}

async function checkMunicipalities(tx: Tx, ids: number[]) {
  const found = await tx.municipality.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new MutationFailure(fail("validation", M.validation, { municipalityIds: ["Ukjent kommune."] }));
}

/**
 * Account administration is serialised by one transaction-scoped advisory lock, so the «at least one
 * active admin» check below cannot be passed by two transactions at once (two admins deactivating
 * or demoting each other simultaneously: the second waits, then sees the first's change and is refused).
 */
export async function lockAccounts(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNTS_LOCK}::int, 0)`;
}
const ACCOUNTS_LOCK = 0x55736572; // "User"

async function keepOneAdmin(tx: Tx, userId: number) {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new MutationFailure(fail("validation", "Det må finnes minst én aktiv administrator."));
}

/** A KOMMUNE user's municipalities (without repeats); other roles have none. */
const scopeOf = (input: { role: string; municipalityIds: number[] }) => (input.role === "KOMMUNE" ? [...new Set(input.municipalityIds)] : []);

export const createUser = defineMutation({
  schema: z.object({ email, name: requiredText("Navnet", 200), role, municipalityIds }).superRefine(scopeRule),
  load: loadNothing,
  authorize: manage,
  async apply(tx, { input }) {
    const municipalities = scopeOf(input);
    await checkMunicipalities(tx, municipalities);
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new MutationFailure(fail("validation", M.validation, { email: [UNIQUE_MESSAGES.email] }));
    }
    // No password: the user chooses one through the invitation link (72 hours).
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: null, municipalities: { create: municipalities.map((municipalityId) => ({ municipalityId })) } },
    });
    const link = await mailAccountLink(tx, user, "INVITE", await issueAccountToken(tx, user.id, "INVITE", "invitation"), "user.invite");
    return {
      result: {
        ok: true,
        outcome: "done",
        message: smtpConfigured()
          ? `Brukeren ${user.email} er opprettet, og en invitasjon er sendt på e-post. Lenken i den er gyldig i 72 timer.`
          : `Brukeren ${user.email} er opprettet. E-post sendes ikke fra denne installasjonen: gi personen invitasjonslenken under på en sikker måte. Den er gyldig i 72 timer og virker én gang.`,
        userId: user.id,
        ...(smtpConfigured() ? {} : { accountLink: link }),
      },
      audit: { action: "createUser", summary: `Bruker opprettet: ${user.email}`, targetUserId: user.id, after: await publicUser(tx, user.id) },
    };
  },
});

export const updateUser = defineMutation({
  schema: z.object({ userId, name: requiredText("Navnet", 200), role, municipalityIds }).superRefine(scopeRule),
  load: loadNothing,
  authorize: manage,
  async apply(tx, { input }) {
    await lockAccounts(tx);
    const municipalities = scopeOf(input);
    const before = await existingUser(tx, input.userId);
    await checkMunicipalities(tx, municipalities);
    if (before.role === "ADMIN" && input.role !== "ADMIN") await keepOneAdmin(tx, input.userId);
    await tx.user.update({ where: { id: input.userId }, data: { name: input.name, role: input.role } });
    await tx.userMunicipality.deleteMany({ where: { userId: input.userId } });
    if (municipalities.length) await tx.userMunicipality.createMany({ data: municipalities.map((municipalityId) => ({ userId: input.userId, municipalityId })) });
    // A new role or scope ends the user's sessions: they log in again under the new access.
    const rescoped = before.role !== input.role || before.municipalityIds.join(",") !== [...municipalities].sort((a, b) => a - b).join(",");
    if (rescoped) await bumpSessionVersion(tx, input.userId);
    return {
      result: {
        ok: true,
        outcome: "done",
        message: rescoped ? "Brukeren er oppdatert. Rollen eller kommunene er endret, så brukeren må logge inn på nytt." : "Brukeren er oppdatert.",
        userId: input.userId,
      },
      audit: { action: "updateUser", summary: `Bruker endret: ${before.email}`, targetUserId: input.userId, before, after: await publicUser(tx, input.userId) },
    };
  },
});

export const setUserActive = defineMutation({
  schema: z.object({ userId, active: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  load: loadNothing,
  authorize: manage,
  async apply(tx, { actor, input: { userId, active } }) {
    await lockAccounts(tx);
    const before = await existingUser(tx, userId);
    if (!active && userId === actor.id) throw new MutationFailure(fail("validation", "Du kan ikke deaktivere deg selv."));
    if (!active && before.role === "ADMIN") await keepOneAdmin(tx, userId);
    if (before.active === active) throw new MutationFailure(fail("validation", active ? "Brukeren er allerede aktiv." : "Brukeren er allerede deaktivert."));
    await tx.user.update({ where: { id: userId }, data: { active, deactivatedAt: active ? null : new Date() } });
    // Sessions from before a deactivation stay dead after a reactivation, and so do unused links.
    await bumpSessionVersion(tx, userId);
    if (!active) await spendAccountTokens(tx, userId);
    return {
      result: { ok: true, outcome: "done", message: active ? "Brukeren er aktivert igjen." : "Brukeren er deaktivert og kan ikke lenger logge inn. Historikken er beholdt.", userId },
      audit: { action: "setUserActive", summary: `${active ? "Bruker aktivert" : "Bruker deaktivert"}: ${before.email}`, targetUserId: userId, before, after: await publicUser(tx, userId) },
    };
  },
});

/** The user-administration mutations, by name (part of lib/changes' MUTATIONS). */
export const USER_MUTATIONS = { createUser, updateUser, setUserActive };
