import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import pg from "pg";
import { hasSessionCookie } from "@/lib/http/session-cookie";
import { log } from "@/lib/log";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One PrismaClient per process. DATABASE_URL is set by scripts/start.ts (embedded PostgreSQL) or by
 * the operator (external PostgreSQL). The client runs on a `pg` pool that lib/db also hands out
 * (pgPoolOf) for the few reads Prisma cannot express, e.g. two transactions sharing one exported
 * snapshot (lib/stats/engine/runner.ts, docs/decisions/0027). One pool, so the connection limit is shared.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaReads?: PrismaClient; prismaReplica?: PrismaClient; prismaPools?: WeakMap<PrismaClient, pg.Pool> };
// On globalThis like the client: Next.js may load this module more than once (one copy per bundle layer).
const pools = (globalForPrisma.prismaPools ??= new WeakMap<PrismaClient, pg.Pool>());

export function createPrismaClient(databaseUrl = process.env.DATABASE_URL): PrismaClient {
  if (!databaseUrl) throw new Error("DATABASE_URL er ikke satt");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  // An idle connection that PostgreSQL ends (restart, failover) emits an error; without a listener
  // Node would end the whole process. The pool drops that connection and opens a new one when needed.
  pool.on("error", (error) => log.warn({ err: error }, "Databasen lukket en ledig tilkobling; en ny åpnes ved behov"));
  // disposeExternalPool: $disconnect() ends the pool, as it did when the adapter owned it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

function currentClient(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

/**
 * With DATABASE_READ_URL (a PostgreSQL streaming replica), anonymous visitors' reads go there through
 * Prisma's read-replicas extension; transactions (every mutation) and writes still go to the primary.
 * Logged-in users (a session cookie on the request), scripts and tests use the primary only, so
 * nobody who just changed something reads an older copy of it.
 */
function readClient(): PrismaClient {
  const url = process.env.DATABASE_READ_URL;
  if (!url || !anonymousRequest()) return currentClient();
  globalForPrisma.prismaReads ??= currentClient().$extends(readReplicas({ replicas: [replicaClient(url)] })) as unknown as PrismaClient;
  return globalForPrisma.prismaReads;
}

function replicaClient(url: string): PrismaClient {
  globalForPrisma.prismaReplica ??= createPrismaClient(url);
  return globalForPrisma.prismaReplica;
}

/** Whether this code runs for an HTTP request without a session cookie (Next's request store). */
export function anonymousRequest(): boolean {
  const store = workUnitAsyncStorage.getStore();
  if (!store || store.type !== "request") return false;
  return !hasSessionCookie(store.cookies);
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = readClient();
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

/**
 * The `pg` pool an anonymous read goes to: the replica's when DATABASE_READ_URL is set, else the
 * primary's. `anonymous` defaults to the current request (the proxy, which has no request store,
 * says it itself), so a small read that must agree with the page's data (lib/registry/version.ts)
 * reads from the same server as that data.
 */
export function readPool(anonymous: boolean = anonymousRequest()): pg.Pool {
  const url = process.env.DATABASE_READ_URL;
  if (!url || !anonymous) return pgPool();
  const pool = pools.get(replicaClient(url));
  if (!pool) throw new Error("Replika-klienten har ingen pg-pool");
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
  const clients = [globalForPrisma.prismaReads, globalForPrisma.prismaReplica, globalForPrisma.prisma].filter((c): c is PrismaClient => Boolean(c));
  delete globalForPrisma.prismaReads;
  delete globalForPrisma.prismaReplica;
  delete globalForPrisma.prisma;
  for (const client of clients) await client.$disconnect();
}
