import "server-only";
import type { JWT } from "next-auth/jwt";
import { prisma, type Tx } from "@/lib/db";

/**
 * Session versions (docs/decisions/0040-auth-model.md). Every next-auth JWT carries the user's
 * `sessionVersion` from the moment it was issued. Bumping the version in the database ends every
 * older session at its next request: the jwt callback (lib/auth/options.ts) refuses the token, so
 * /api/auth/session answers «not logged in» and clears the cookie, getServerSession gives null, and
 * currentActor (pages, server actions, route handlers) compares the version once more.
 */
export const SESSION_REVOKED = "SESSION_REVOKED";

/** Ends every session of `userId` (call inside the transaction that makes the change). */
export async function bumpSessionVersion(tx: Tx, userId: number): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Whether the token's user is still active and the token was issued under the current version. */
export async function tokenStillValid(token: Pick<JWT, "uid" | "sv">): Promise<{ valid: true; role: string } | { valid: false }> {
  if (typeof token.uid !== "number" || typeof token.sv !== "number") return { valid: false };
  const user = await prisma.user.findUnique({ where: { id: token.uid }, select: { active: true, sessionVersion: true, role: true } });
  if (!user || !user.active || user.sessionVersion !== token.sv) return { valid: false };
  return { valid: true, role: user.role };
}
