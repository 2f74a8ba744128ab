import "server-only";
import { ipKey, normaliseEmail } from "@/lib/auth/rate-limit";
import type { Tx } from "@/lib/db";

/**
 * Rate limit for «Glemt passord»: at most 3 requests per typed e-mail (existing account or not, so
 * the limit reveals nothing) and 10 per IP address within an hour. Kept in PostgreSQL like the
 * login limit (lib/auth/rate-limit.ts), checked and recorded under advisory locks in the request's
 * own transaction, so parallel requests cannot pass it together. Rows older than 30 days are pruned.
 */
export const RESET_WINDOW_MINUTES = 60;
export const MAX_RESETS_PER_ACCOUNT = 3;
export const MAX_RESETS_PER_IP = 10;
export const RESET_RATE_LIMIT_MESSAGE = "For mange forespørsler om nytt passord. Vent en time og prøv igjen.";

const LOCK_NAMESPACE = 0x527374; // "Rst"

/** Records the request and returns true, or returns false (nothing recorded) when a limit is reached. */
export async function reserveResetRequest(tx: Tx, emailInput: string, ip: string | null, now = new Date()): Promise<boolean> {
  const email = normaliseEmail(emailInput).slice(0, 320);
  const ipHash = ipKey(ip);
  const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
  const keys = [`e:${email}`, ...(ipHash ? [`i:${ipHash}`] : [])].sort();
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int, hashtext(${key}))`;
  const byAccount = await tx.passwordResetRequest.count({ where: { email, at: { gte: since } } });
  const byIp = ipHash ? await tx.passwordResetRequest.count({ where: { ip: ipHash, at: { gte: since } } }) : 0;
  if (byAccount >= MAX_RESETS_PER_ACCOUNT || byIp >= MAX_RESETS_PER_IP) return false;
  await tx.passwordResetRequest.create({ data: { email, ip: ipHash ?? "", at: now } });
  await tx.passwordResetRequest.deleteMany({ where: { at: { lt: new Date(now.getTime() - 30 * 24 * 60 * 60_000) } } });
  return true;
}
