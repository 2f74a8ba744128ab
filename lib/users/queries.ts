import "server-only";
import { prisma } from "@/lib/db";
import { TOKEN_PATTERN, tokenDigest } from "./tokens.ts";

/** Every account for /admin: active first, then by name, with the municipalities' names. */
export async function listUsers() {
  return prisma.user.findMany({
    include: { municipalities: { include: { municipality: { select: { name: true } } } } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}

/** One account for /admin/brukere/[id], with its newest usable one-time link (if any). */
export async function userDetail(id: number) {
  return prisma.user.findUnique({
    where: { id },
    include: { municipalities: true, accountTokens: { where: { usedAt: null, expiresAt: { gt: new Date() } }, orderBy: { id: "desc" }, take: 1, select: { purpose: true, expiresAt: true } } },
  });
}

/** A user who was invited but has not chosen a password (nor logged in with Entra ID) yet. */
export function awaitingFirstLogin(user: { passwordHash: string | null; lastLoginAt: Date | null }): boolean {
  return user.passwordHash === null && user.lastLoginAt === null;
}

/** What the page of a one-time link shows: the link's purpose and user, or null when it is not usable. */
export async function accountLinkState(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await prisma.accountToken.findUnique({ where: { tokenHash: tokenDigest(token) }, include: { user: { select: { name: true, email: true, active: true } } } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return null;
  return { purpose: row.purpose, name: row.user.name, email: row.user.email };
}
