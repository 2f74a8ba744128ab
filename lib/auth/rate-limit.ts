import "server-only";
import { prisma } from "@/lib/db";

/**
 * Login rate limiting, kept in PostgreSQL so it holds across restarts and server processes:
 * at most 5 failed attempts per account and 20 per IP address within 15 minutes. The account key is
 * the e-mail as typed (normalised), whether or not such a user exists, so the limit reveals nothing.
 */
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
export const RATE_LIMIT_MESSAGE = `For mange innloggingsforsøk. Vent ${WINDOW_MINUTES} minutter og prøv igjen.`;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function loginBlocked(email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email: normaliseEmail(email), success: false, at: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, at: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email: normaliseEmail(email).slice(0, 320), ip: ip.slice(0, 100), success } });
}
