/**
 * Faults as tests (issue #14). (a) A server process is killed with SIGKILL in the middle of an
 * approval: the arrangement, the change request and the audit trail agree afterwards (all or
 * nothing), and after a restart the approval goes through once. (b) PostgreSQL is stopped while the
 * app answers: the API and /api/health answer 503 with Norwegian JSON, and recover by themselves.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE } from "@/lib/api/route";
import { MUTATIONS } from "@/lib/changes";
import { disconnectDatabase, prisma } from "@/lib/db";
import { defaultTempDataDir, freePort, startEmbeddedDatabase } from "@/scripts/lib/embedded-db";
import { migrate } from "@/scripts/lib/migrate";
import { createTestActors } from "@/tests/helpers/actors";
import { createTestDatabase } from "@/tests/helpers/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await disconnectDatabase();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

function approveInChild(url: string, changeRequestId: number, adviserId: number): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "tests/helpers/approve-child.ts"), String(changeRequestId), String(adviserId)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("kill -9 of a server process mid-approval", () => {
  it("leaves arrangement, change request and audit in agreement; after a restart the approval applies once", async () => {
    const db = await createTestDatabase("seeded");
    cleanups.push(db.drop);
    process.env.DATABASE_URL = db.url;
    const t = await createTestActors();
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const proposed = await MUTATIONS.updateArrangement(t.alEditor, { arrangementId: target.id, baseVersion: target.version, description: "Endret før krasjet." });
    if (!proposed.ok || !proposed.changeRequestId) throw new Error(proposed.ok ? "no request" : proposed.message);
    const requestId = proposed.changeRequestId;
    const auditBefore = await prisma.auditEvent.count();

    // Hold the audit table so the approval stops inside its transaction, after writing the
    // arrangement and the request but before its audit event: the worst moment to die.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query(`BEGIN; LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
    // A second session watches: pg_stat_activity is a snapshot per transaction, so not the holder.
    const monitor = new pg.Client({ connectionString: db.url });
    await monitor.connect();
    const first = approveInChild(db.url, requestId, t.adviser.id);
    await until(async () => {
      const { rows } = await monitor.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%AuditEvent%'`);
      if (first.child.exitCode !== null) throw new Error(`the approval ended before it reached the audit: ${first.output()}`);
      return rows[0].n > 0;
    }, 90_000).catch(async (error) => {
      const { rows } = await monitor.query(`SELECT state, wait_event_type, left(query, 120) AS q FROM pg_stat_activity WHERE datname = current_database()`);
      throw new Error(`${error.message}; child: ${first.output()}; sessions: ${JSON.stringify(rows)}`);
    });
    first.child.kill("SIGKILL");
    expect(await first.exit).toBeNull();
    await holder.query("ROLLBACK");
    // PostgreSQL notices the dead client and rolls its transaction back.
    await until(async () => {
      const { rows } = await monitor.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (state LIKE 'idle in transaction%' OR wait_event_type = 'Lock')`,
      );
      return rows[0].n === 0;
    }, 30_000);
    await holder.end();
    await monitor.end();

    const afterCrash = await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(afterCrash.status).toBe("PENDING");
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(target.version);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);

    // "Restart": a new process approves the same request; it applies exactly once.
    const second = approveInChild(db.url, requestId, t.adviser.id);
    expect(await second.exit).toBe(0);
    expect(second.output()).toContain('"ok":true');
    const approved = await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } });
    const arrangement = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } });
    expect(approved.status).toBe("APPROVED");
    expect(arrangement.description).toBe("Endret før krasjet.");
    expect(arrangement.version).toBe(target.version + 1);
    const audit = await prisma.auditEvent.findMany({ where: { changeRequestId: requestId, action: { not: "proposeChange" } } });
    expect(audit).toHaveLength(1);
  }, 120_000);
});

describe("PostgreSQL stopped while the app answers", () => {
  it("the API and /api/health answer 503 in Norwegian, then recover by themselves when PostgreSQL is back", async () => {
    const dataDir = defaultTempDataDir("samarbeid-fault");
    const port = await freePort();
    let database = await startEmbeddedDatabase({ dataDir, port, persistent: true });
    cleanups.push(async () => {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    await migrate(database.url, path.join(ROOT, "prisma/migrations"), () => {});
    await disconnectDatabase();
    process.env.DATABASE_URL = database.url;
    const health = (await import("@/app/api/health/route")).GET as () => Promise<Response>;
    const kommuner = (await import("@/app/api/v1/kommuner/route")).GET as (request?: Request) => Promise<Response>;
    const ask = async () => [await health(), await kommuner(new Request("http://localhost/api/v1/kommuner"))];

    for (const response of await ask()) expect(response.status).toBe(200);

    await database.stop();
    const [healthDown, apiDown] = await ask();
    expect(healthDown!.status).toBe(503);
    expect(await healthDown!.json()).toMatchObject({ status: "feil", database: { status: "utilgjengelig" } });
    expect(apiDown!.status).toBe(503);
    expect(apiDown!.headers.get("content-type")).toContain("application/json");
    expect(await apiDown!.json()).toEqual({ feil: DATABASE_UNAVAILABLE });

    database = await startEmbeddedDatabase({ dataDir, port, persistent: true });
    // No restart of the app: the pool drops the dead connections and opens new ones.
    let statuses: number[] = [];
    await until(async () => {
      statuses = (await ask()).map((r) => r.status);
      return statuses.every((s) => s === 200);
    }, 30_000);
    expect(statuses).toEqual([200, 200]);
  }, 180_000);
});
