import "server-only";
import { prisma } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { loginBlocked, normaliseEmail, RATE_LIMIT_MESSAGE, recordLoginAttempt } from "./rate-limit.ts";

export const LOGIN_FAILED_MESSAGE = "Feil e-postadresse eller passord.";

export type CredentialsResult =
  | { ok: true; user: { id: number; email: string; name: string } }
  | { ok: false; code: "RATE_LIMITED" | "INVALID"; message: string };

/**
 * Checks e-mail and password. The same message for an unknown e-mail, a wrong password and a
 * deactivated account, and the same work (one argon2 verification) in every case.
 */
export async function verifyCredentials(emailInput: unknown, passwordInput: unknown, ip: string): Promise<CredentialsResult> {
  const email = typeof emailInput === "string" ? normaliseEmail(emailInput).slice(0, 320) : "";
  const password = typeof passwordInput === "string" ? passwordInput.slice(0, 200) : "";
  if (await loginBlocked(email, ip)) return { ok: false, code: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE };
  const user = email ? await prisma.user.findUnique({ where: { email } }) : null;
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const passwordOk = (await verifyPassword(hash, password)) && password.length > 0;
  const ok = Boolean(user && user.active && user.passwordHash && passwordOk);
  await recordLoginAttempt(email, ip, ok);
  if (!ok || !user) return { ok: false, code: "INVALID", message: LOGIN_FAILED_MESSAGE };
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
