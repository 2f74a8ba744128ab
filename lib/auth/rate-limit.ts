import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";

/**
 * Login rate limiting, kept in PostgreSQL so it holds across restarts and app instances: at most 5
 * failed attempts per account and 20 per IP address within 15 minutes (docs/decisions/0042).
 * - The account key is the e-mail as typed (normalised), whether or not such a user exists, so the
 *   limit reveals nothing.
 * - IP addresses are stored only as fixed-length hashes (64 hex characters), never as typed.
 * - The check is atomic: `reserveLoginAttempt` takes transaction-scoped advisory locks on the
 *   account key and the IP key, counts, and records the attempt as a failure before the password
 *   is verified; a success then marks its own row. However many requests run in parallel, no more
 *   than 5 passwords per account are checked in a window.
 * - Attempts older than 30 days are pruned.
 */
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
export const RETENTION_DAYS = 30;
export const RATE_LIMIT_MESSAGE = `For mange innloggingsforsøk. Vent ${WINDOW_MINUTES} minutter og prøv igjen.`;

/** Advisory-lock namespace for login keys (the first key of pg_advisory_xact_lock(int, int)). */
const LOCK_NAMESPACE = 0x4c6f67; // "Log"

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The stored form of an IP address: a sha256 hex digest, the same length for every address. */
export function ipKey(ip: string | null): string | null {
  return ip === null ? null : createHash("sha256").update(`samarbeidsregisteret-login:${ip}`).digest("hex");
}

export type Reservation = { blocked: true } | { blocked: false; attemptId: number };

/** Checks the limits and, if not blocked, records the attempt (as a failure until marked). */
export async function reserveLoginAttempt(email: string, ip: string | null, now = new Date()): Promise<Reservation> {
  const account = normaliseEmail(email).slice(0, 320);
  const ipHash = ipKey(ip);
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  return prisma.$transaction(async (tx) => {
    const keys = [`e:${account}`, ...(ipHash ? [`i:${ipHash}`] : [])].sort();
    for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${key}))`;
    const byAccount = await tx.loginAttempt.count({ where: { email: account, success: false, at: { gte: since } } });
    const byIp = ipHash ? await tx.loginAttempt.count({ where: { ip: ipHash, success: false, at: { gte: since } } }) : 0;
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) return { blocked: true } as const;
    const row = await tx.loginAttempt.create({ data: { email: account, ip: ipHash ?? "", success: false, at: now }, select: { id: true } });
    return { blocked: false, attemptId: row.id } as const;
  });
}

/** Marks a reserved attempt as a successful login (it then no longer counts as a failure). */
export async function markLoginSucceeded(attemptId: number): Promise<void> {
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** Deletes attempts older than RETENTION_DAYS; returns how many. Called after each login attempt. */
export async function pruneLoginAttempts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60_000);
  const { count } = await prisma.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } });
  return count;
}
