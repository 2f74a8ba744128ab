import "server-only";
import { prisma } from "@/lib/db";
import { DEMO_PASSWORDS } from "./demo-accounts.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { markLoginSucceeded, normaliseEmail, pruneLoginAttempts, RATE_LIMIT_MESSAGE, reserveLoginAttempt } from "./rate-limit.ts";

export const LOGIN_FAILED_MESSAGE = "Feil e-postadresse eller passord.";

export type CredentialsResult = { ok: true; user: { id: number; email: string; name: string } } | { ok: false; code: "RATE_LIMITED" | "INVALID"; message: string };

/**
 * Checks e-mail and password. The same message for an unknown e-mail, a wrong password and a
 * deactivated account, and the same work (one argon2 verification) in every case. `ip` is the
 * trusted client address (lib/auth/client-ip.ts), or null when it cannot be known.
 */
export async function verifyCredentials(emailInput: unknown, passwordInput: unknown, ip: string | null): Promise<CredentialsResult> {
  const email = typeof emailInput === "string" ? normaliseEmail(emailInput).slice(0, 320) : "";
  const password = typeof passwordInput === "string" ? passwordInput.slice(0, 200) : "";
  // Control characters (NUL among them) can be no one's e-mail or password: refuse before any query,
  // so no database error text can reach the answer.
  if (/[\u0000-\u001f\u007f]/.test(email) || password.includes("\u0000")) return { ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE };
  const reservation = await reserveLoginAttempt(email, ip);
  if (reservation.blocked) return { ok: false, code: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE };
  const user = email ? await prisma.user.findUnique({ where: { email } }) : null;
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const passwordOk = (await verifyPassword(hash, password)) && password.length > 0;
  // The demo passwords are public (README): only the embedded demo database accepts them. With an
  // external database they are refused at every login, also for an account reactivated after start.
  const demoRefused = process.env.SAMARBEID_EMBEDDED_DB !== "1" && DEMO_PASSWORDS.includes(password);
  const ok = Boolean(user && user.active && user.passwordHash && passwordOk && !demoRefused);
  if (ok) await markLoginSucceeded(reservation.attemptId);
  await pruneLoginAttempts();
  if (!ok || !user) return { ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE };
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
