import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/client";
import { publicUrl } from "@/lib/config/public-url";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";

/**
 * One-time links for choosing one's own password (docs/decisions/0040-auth-model.md):
 * - an invitation (INVITE) an admin sends to a new user, valid 72 hours;
 * - a reset link (RESET) from «Glemt passord», valid 1 hour, or sent by an admin, valid 24 hours.
 * The token is 32 random bytes (base64url) in the link; the database keeps only its sha256 digest,
 * so a copy of the database opens no account. Issuing a new link spends the user's older ones, and
 * using one spends them all.
 */
export const TOKEN_LIFETIME_HOURS = { invitation: 72, forgotten: 1, fromAdmin: 24 } as const;
export type TokenLifetime = keyof typeof TOKEN_LIFETIME_HOURS;

export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page where a token is used (relative; mails use the absolute publicUrl of it). */
export function accountLinkPath(token: string): string {
  return `/sett-passord/${token}`;
}

/** A well-formed token: 43 base64url characters (anything else is refused before a query). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Spends the user's unused links (on a new link, a password change, deactivation). */
export async function spendAccountTokens(tx: Tx, userId: number, now = new Date()): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}

/** Issues a new link for `userId` (spending older ones) and returns the token (only ever held in memory and in the mail). */
export async function issueAccountToken(tx: Tx, userId: number, purpose: AccountTokenPurpose, lifetime: TokenLifetime, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  await spendAccountTokens(tx, userId, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_HOURS[lifetime] * 60 * 60_000);
  await tx.accountToken.create({ data: { userId, purpose, tokenHash: tokenDigest(token), expiresAt } });
  return { token, expiresAt };
}

/** The unspent, unexpired link of an active user, locked for the rest of the transaction; or null. */
export async function usableAccountToken(tx: Tx, token: string, now = new Date()) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "AccountToken" WHERE "tokenHash" = ${tokenDigest(token)} FOR UPDATE`;
  if (!rows[0]) return null;
  const row = await tx.accountToken.findUnique({ where: { id: rows[0].id }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return row;
}

/** Whether mails leave the building; without SMTP the admin gets the link shown to pass on. */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

const osloTime = (date: Date) => date.toLocaleString("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });

/** Writes the mail with the link to the outbox (same transaction); returns the absolute link. */
export async function mailAccountLink(
  tx: Tx,
  user: { id: number; email: string; name: string },
  purpose: AccountTokenPurpose,
  issued: { token: string; expiresAt: Date },
  kind: string,
): Promise<string> {
  const link = publicUrl(accountLinkPath(issued.token));
  const until = osloTime(issued.expiresAt);
  const invite = purpose === "INVITE";
  const text = invite
    ? [
        `Hei ${user.name},`,
        "",
        "Du er invitert til å bruke Samarbeidsregisteret, registeret over interkommunale samarbeid i Buskerud.",
        "Åpne lenken og velg ditt eget passord:",
        "",
        link,
        "",
        `Lenken virker én gang og er gyldig til ${until}. Er den utløpt, kan du be om en ny under «Glemt passord» på innloggingssiden.`,
        "Brukernavnet ditt er denne e-postadressen.",
      ]
    : [
        `Hei ${user.name},`,
        "",
        "Noen (forhåpentlig du) har bedt om å sette nytt passord for kontoen din i Samarbeidsregisteret.",
        "Åpne lenken og velg et nytt passord:",
        "",
        link,
        "",
        `Lenken virker én gang og er gyldig til ${until}. Har du ikke bedt om dette, kan du se bort fra e-posten; passordet ditt er ikke endret.`,
      ];
  await enqueueMail(tx, { to: user.email, subject: invite ? "Invitasjon til Samarbeidsregisteret" : "Nytt passord i Samarbeidsregisteret", text: text.join("\n"), kind, userId: user.id });
  return link;
}
