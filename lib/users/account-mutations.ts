import "server-only";
import { z } from "zod";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { markLoginSucceeded, RATE_LIMIT_MESSAGE, reserveLoginAttempt } from "@/lib/auth/rate-limit";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { defineMutation, definePublicMutation, loadNothing } from "@/lib/changes/mutation";
import { fail, MESSAGES as M, MutationFailure } from "@/lib/changes/result";
import { email, existingUser, manage, password, userId } from "./mutations.ts";
import { reserveResetRequest, RESET_RATE_LIMIT_MESSAGE } from "./password-reset.ts";
import { issueAccountToken, mailAccountLink, smtpConfigured, spendAccountTokens, TOKEN_LIFETIME_HOURS, usableAccountToken } from "./tokens.ts";

/**
 * Self-service and link-based account mutations (docs/decisions/0040-auth-model.md), through the
 * same pipeline as every other mutation. Every password change ends the user's other sessions
 * (session version) and spends their unused links.
 */
const own = (actor: Actor) => authorize(actor, "account.own");

/** The new password twice; the repeat must match (`repeated`). */
const newPassword = { password, passwordRepeat: z.string({ error: "Skriv passordet en gang til." }).max(200, { error: "Passordet kan ha høyst 200 tegn." }) };
const repeated = (v: { password: string; passwordRepeat: string }) => v.password === v.passwordRepeat;
const REPEAT_MISMATCH = { path: ["passwordRepeat"], error: "Passordene er ikke like." };

/** Admin: a new link for an existing user (an invitation if they never chose a password, else a reset link). */
export const sendAccountLink = defineMutation({
  schema: z.object({ userId }),
  load: loadNothing,
  authorize: manage,
  async apply(tx, { input }) {
    const before = await existingUser(tx, input.userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId } });
    if (!user.active) throw new MutationFailure(fail("validation", "Brukeren er deaktivert. Aktiver brukeren før du sender en lenke."));
    const invite = user.passwordHash === null && user.lastLoginAt === null;
    const issued = await issueAccountToken(tx, user.id, invite ? "INVITE" : "RESET", invite ? "invitation" : "fromAdmin");
    const link = await mailAccountLink(tx, user, invite ? "INVITE" : "RESET", issued, invite ? "user.invite" : "user.password-link");
    const hours = TOKEN_LIFETIME_HOURS[invite ? "invitation" : "fromAdmin"];
    const what = invite ? "En ny invitasjon" : "En lenke for å velge nytt passord";
    return {
      result: {
        ok: true,
        outcome: "done",
        message: smtpConfigured()
          ? `${what} er sendt til ${user.email}. Den er gyldig i ${hours} timer; eldre lenker virker ikke lenger.`
          : `${what} er laget. E-post sendes ikke fra denne installasjonen: gi personen lenken under på en sikker måte. Den er gyldig i ${hours} timer og virker én gang; eldre lenker virker ikke lenger.`,
        userId: user.id,
        ...(smtpConfigured() ? {} : { accountLink: link }),
      },
      audit: { action: "sendAccountLink", summary: `${invite ? "Invitasjon" : "Passordlenke"} sendt til ${before.email}`, targetUserId: user.id },
    };
  },
});

/** «Logg ut overalt»: every session of a user ends (one's own on /konto, or anyone's for an admin). */
export const endUserSessions = defineMutation({
  schema: z.object({ userId }),
  load: loadNothing,
  authorize: (actor, input) => authorize(actor, "account.endSessions", { targetUserId: input.userId }),
  async apply(tx, { actor, input }) {
    const user = await existingUser(tx, input.userId);
    await bumpSessionVersion(tx, user.id);
    const self = user.id === actor.id;
    return {
      result: { ok: true, outcome: "done", message: self ? "Du er logget ut på alle enheter." : `${user.name} er logget ut på alle enheter.`, userId: user.id },
      audit: { action: "endUserSessions", summary: `Logget ut overalt: ${user.email}`, targetUserId: user.id },
    };
  },
});

/** Self-service: a new password, the current one required. Ends every session, this one too. */
export const changeOwnPassword = defineMutation({
  schema: z
    .object({
      currentPassword: z.string({ error: "Skriv det nåværende passordet." }).min(1, { error: "Skriv det nåværende passordet." }).max(200, { error: "Passordet kan ha høyst 200 tegn." }),
      ...newPassword,
    })
    .refine(repeated, REPEAT_MISMATCH),
  load: loadNothing,
  authorize: own,
  async apply(tx, { actor, input }) {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
    // Guessing the current password counts against the login limit of the account.
    const attempt = await reserveLoginAttempt(user.email, null);
    if (attempt.blocked) throw new MutationFailure(fail("validation", RATE_LIMIT_MESSAGE, { currentPassword: [RATE_LIMIT_MESSAGE] }));
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new MutationFailure(fail("validation", M.validation, { currentPassword: ["Det nåværende passordet er feil."] }));
    }
    await markLoginSucceeded(attempt.attemptId);
    if (input.password === input.currentPassword) throw new MutationFailure(fail("validation", M.validation, { password: ["Det nye passordet må være forskjellig fra det nåværende."] }));
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
    await bumpSessionVersion(tx, user.id);
    await spendAccountTokens(tx, user.id);
    return {
      result: { ok: true, outcome: "done", message: "Passordet er endret. Du er logget ut på alle enheter.", userId: user.id },
      audit: { action: "changeOwnPassword", summary: `Passord endret av brukeren selv: ${user.email}`, targetUserId: user.id },
    };
  },
});

/** Without login: choose a password through a one-time link (invitation or reset). */
export const setPasswordWithLink = definePublicMutation({
  schema: z.object({ token: z.string({ error: "Lenken mangler." }).max(100, { error: "Lenken er ugyldig." }), ...newPassword }).refine(repeated, REPEAT_MISMATCH),
  load: (tx, input) => usableAccountToken(tx, input.token),
  authorize: (actor, _input, link) => authorize(actor, "account.useLink", { linkUsable: link !== null }),
  async apply(tx, { input, loaded }) {
    const link = loaded!;
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash: await hashPassword(input.password) } });
    await bumpSessionVersion(tx, link.userId);
    await spendAccountTokens(tx, link.userId);
    return {
      result: {
        ok: true,
        outcome: "done",
        message:
          link.purpose === "INVITE"
            ? "Passordet er lagret, og kontoen din er klar. Logg inn med e-postadressen og passordet ditt."
            : "Det nye passordet er lagret, og du er logget ut på alle enheter. Logg inn med det nye passordet.",
        userId: link.userId,
      },
      audit: { action: "setPasswordWithLink", summary: `${link.purpose === "INVITE" ? "Passord valgt fra invitasjon" : "Nytt passord fra lenke"}: ${link.user.email}`, targetUserId: link.userId },
    };
  },
});

/**
 * Without login: «Glemt passord». The same answer whether or not an active account has this
 * e-mail (only then is a link, valid 1 hour, written to the outbox); rate-limited per typed e-mail
 * and per IP. `ip` is set by the server action from the trusted client address, never from the form.
 */
export const requestPasswordReset = definePublicMutation({
  schema: z.object({ email, ip: z.string().max(64).nullable().default(null) }),
  load: loadNothing,
  authorize: (actor) => authorize(actor, "account.requestLink"),
  async apply(tx, { input }) {
    if (!(await reserveResetRequest(tx, input.email, input.ip))) throw new MutationFailure(fail("validation", RESET_RATE_LIMIT_MESSAGE));
    const user = await tx.user.findUnique({ where: { email: input.email } });
    if (user?.active) await mailAccountLink(tx, user, "RESET", await issueAccountToken(tx, user.id, "RESET", "forgotten"), "user.password-reset");
    return {
      result: {
        ok: true,
        outcome: "done",
        message: `Hvis det finnes en aktiv konto med e-postadressen ${input.email}, får den nå en e-post med en lenke for å velge nytt passord. Lenken er gyldig i én time. Ser du ingen e-post, sjekk søppelposten eller kontakt administratoren.`,
      },
      audit: user?.active ? { action: "requestPasswordReset", summary: `Glemt passord: lenke sendt til ${user.email}`, targetUserId: user.id } : undefined,
    };
  },
});

/** The account mutations, by name (part of lib/changes' MUTATIONS). */
export const ACCOUNT_MUTATIONS = { sendAccountLink, endUserSessions, changeOwnPassword, setPasswordWithLink, requestPasswordReset };
