import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db.ts";
import { ROOT } from "../../scripts/lib/prepare.ts";

const tsx = path.join(ROOT, "node_modules/.bin/tsx");
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

function runStart(env: Record<string, string>) {
  return spawnSync(tsx, ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start: failures give one clear line and exit code 1", () => {
  it("names host and port when DATABASE_URL points nowhere", () => {
    const result = runStart({ DATABASE_URL: "postgresql://samarbeid:hemmelig@127.0.0.1:1/samarbeidsregisteret", PORT: "39871" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Kan ikke koble til PostgreSQL på 127\.0\.0\.1:1: .*avvist/);
  });

  it("says so when the password is wrong", () => {
    const url = new URL(inject("adminDatabaseUrl"));
    url.password = "feil-passord";
    const result = runStart({ DATABASE_URL: url.toString(), PORT: "39872" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Kan ikke koble til PostgreSQL på 127.0.0.1:${url.port}: feil brukernavn eller passord.`);
  });

  it("refuses a port that is in use", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const result = runStart({ PORT: String(port), DATA_DIR: tempDir("samarbeid-port-") });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} er allerede i bruk`);
    } finally {
      server.close();
    }
  });

  it("rejects a PORT that is not a port number", () => {
    const result = runStart({ PORT: "tretusen" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT må være et tall");
  });
});

describe("embedded PostgreSQL", () => {
  it("keeps data across a restart", async () => {
    const dataDir = path.join(tempDir("samarbeid-restart-"), "postgres");
    const first = await startEmbeddedDatabase({ dataDir });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('beholdt')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    const { rows } = await again.query("SELECT value FROM kept");
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "beholdt" }]);
  });

  it("recovers after the owning process was killed with SIGKILL", async () => {
    const dir = tempDir("samarbeid-kill-");
    const dataDir = path.join(dir, "postgres");
    const script = path.join(dir, "hold.mts");
    writeFileSync(
      script,
      `import { startEmbeddedDatabase } from ${JSON.stringify(path.join(ROOT, "scripts/lib/embedded-db.ts"))};
       const db = await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)} });
       console.log("READY " + db.url);
       setInterval(() => {}, 1000);`,
    );
    // One process (no tsx wrapper), so SIGKILL really orphans the postmaster as in production.
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("READY") && resolve());
      child.once("exit", () => reject(new Error("holder exited early")));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    // The orphaned postmaster still holds the data directory; a new start must take over cleanly.
    const lines: string[] = [];
    const db = await startEmbeddedDatabase({ dataDir, log: (line) => lines.push(line) });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query("SELECT 1 AS ok");
    await client.end();
    await db.stop();
    expect(rows).toEqual([{ ok: 1 }]);
    expect(lines.some((line) => line.includes("gjenglemt PostgreSQL-prosess"))).toBe(true);
  });
});
