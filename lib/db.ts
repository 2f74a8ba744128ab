import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One PrismaClient per process. DATABASE_URL is set by scripts/start.ts (embedded PostgreSQL) or by
 * the operator (external PostgreSQL). The client runs on a `pg` pool that lib/db also hands out
 * (pgPoolOf) for the few reads Prisma cannot express, e.g. two transactions sharing one exported
 * snapshot (lib/stats/engine/runner.ts, docs/decisions/0027). One pool, so the connection limit is shared.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaPools?: WeakMap<PrismaClient, pg.Pool> };
// On globalThis like the client: Next.js may load this module more than once (one copy per bundle layer).
const pools = (globalForPrisma.prismaPools ??= new WeakMap<PrismaClient, pg.Pool>());

export function createPrismaClient(databaseUrl = process.env.DATABASE_URL): PrismaClient {
  if (!databaseUrl) throw new Error("DATABASE_URL er ikke satt");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // disposeExternalPool: $disconnect() ends the pool, as it did when the adapter owned it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

function currentClient(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentClient();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The `pg` pool under the process's Prisma client (same database, same connections). */
export function pgPool(): pg.Pool {
  const pool = pools.get(currentClient());
  if (!pool) throw new Error("Prisma-klienten har ingen pg-pool");
  return pool;
}

/** The process's client or an open transaction: what every function that may run inside a mutation takes. */
export type Tx = Prisma.TransactionClient | PrismaClient;

/** A value as it is stored in a JSON column: what JSON.stringify keeps (undefined dropped, dates as text). */
export function toJson(value: NonNullable<unknown>): Prisma.InputJsonValue {
  const stored: Prisma.InputJsonValue = JSON.parse(JSON.stringify(value));
  return stored;
}

/** Ends the process's client and its pool (graceful shutdown); the next use would open a new one. */
export async function disconnectDatabase(): Promise<void> {
  const client = globalForPrisma.prisma;
  if (!client) return;
  delete globalForPrisma.prisma;
  await client.$disconnect();
}
