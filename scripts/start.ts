/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, seed when empty, production
 * build when missing or stale, then the app on PORT (default 3000). `--dev` runs `next dev` instead;
 * `--ephemeral` uses a throwaway embedded database that is deleted on exit (used by e2e tests).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./lib/build.ts";
import { DatabaseConnectionError, resolveDatabase, type ResolvedDatabase } from "./lib/database.ts";
import { MigrationError } from "./lib/migrate.ts";
import { prepareDatabase, ROOT } from "./lib/prepare.ts";
import { SeedError } from "../seed/load.ts";
import { activeUsersWithDemoPassword, DEMO_ACCOUNTS, ensureDemoAccounts } from "../lib/auth/demo-accounts.ts";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const ephemeral = args.has("--ephemeral");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const log = (line: string) => console.log(`[samarbeidsregisteret] ${line}`);

function fail(message: string): never {
  console.error(`[samarbeidsregisteret] Feil: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT må være et tall mellom 1 og 65535 (fikk «${process.env.PORT}»).`);

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(p, () => server.close(() => resolve(true)));
  });
}

function authSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * After `kill -9` of this script its web server child lives on and keeps the port. We record the
 * child's pid; on the next start a leftover server of ours is stopped before anything else.
 */
async function stopOrphanServer(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return; // gone
  }
  if (!/next|serve\.ts/.test(command)) return;
  log(`Stopper gjenglemt webserver (prosess ${pid}) fra en tidligere kjøring`);
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 100));
}

async function main(): Promise<void> {
  const serverPidFile = path.join(ephemeral ? os.tmpdir() : path.resolve(process.env.DATA_DIR ?? path.join(ROOT, ".data")), `web-${port}.pid`);
  if (!ephemeral) await stopOrphanServer(serverPidFile);
  if (!(await portIsFree(port))) fail(`Port ${port} er allerede i bruk. Stopp programmet som bruker den, eller velg en annen med PORT=<nummer>.`);

  const dataDir = ephemeral ? path.join(os.tmpdir(), `samarbeid-e2e-${process.pid}`) : path.resolve(process.env.DATA_DIR ?? path.join(ROOT, ".data"));
  let database: ResolvedDatabase | undefined;
  let child: ChildProcess | undefined;
  let shuttingDown = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        child!.once("exit", r);
        setTimeout(r, 10_000);
      });
    }
    if (database) {
      await database.stop().catch((error) => console.error(error));
      if (database.embedded) log("Databasen er stoppet");
    }
    if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (ephemeral && process.env.DATABASE_URL) delete process.env.DATABASE_URL;
    database = await resolveDatabase({ dataDir: path.join(dataDir, "postgres"), persistent: !ephemeral, log });
    log(database.embedded ? "Innebygd PostgreSQL kjører" : "Bruker PostgreSQL fra DATABASE_URL");
    await prepareDatabase(database.url, log);
    if (database.embedded) {
      // Demo accounts exist only on the embedded database, so a newcomer can try every role.
      const { created } = await ensureDemoAccounts(database.url);
      if (created.length) log(`Opprettet ${created.length} demokontoer`);
      log("Demokontoer (kun den innebygde databasen):");
      for (const account of DEMO_ACCOUNTS) log(`  ${account.label.padEnd(32)} ${account.email}  passord: ${account.password}`);
    } else {
      const unsafe = await activeUsersWithDemoPassword(database.url);
      if (unsafe.length) {
        console.error(
          `[samarbeidsregisteret] Feil: Disse aktive brukerne har fortsatt et kjent demopassord: ${unsafe.join(", ")}. ` +
            "Deaktiver dem eller gi dem nye passord (på /admin eller med npm run user:create) før appen kan starte mot en ekstern database.",
        );
        await shutdown(1);
        return;
      }
    }
    if (!dev) ensureBuild(log);
  } catch (error) {
    if (error instanceof DatabaseConnectionError || error instanceof MigrationError || error instanceof SeedError) {
      console.error(`[samarbeidsregisteret] Feil: ${error.message}`);
    } else {
      console.error("[samarbeidsregisteret] Feil under oppstart:", error instanceof Error ? error.message : error);
    }
    await shutdown(1);
    return;
  }

  // Production: scripts/serve.ts, Next.js behind the front that answers kept public reads from
  // memory (decision 0052). Development: `next dev` (nothing is kept there).
  const command = dev ? path.join(ROOT, "node_modules/.bin/next") : process.execPath;
  const args = dev ? ["dev", "-p", String(port)] : ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/serve.ts")];
  child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret(dataDir),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? authSecret(dataDir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      SAMARBEID_EMBEDDED_DB: database.embedded ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (!ephemeral && child.pid) {
    mkdirSync(path.dirname(serverPidFile), { recursive: true });
    writeFileSync(serverPidFile, String(child.pid));
  }
  child.on("exit", (code) => {
    rmSync(serverPidFile, { force: true });
    if (!shuttingDown) {
      console.error(`[samarbeidsregisteret] Webserveren stoppet (kode ${code ?? "ukjent"})`);
      void shutdown(code ?? 1);
    }
  });
  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, dev ? 180_000 : 60_000)) {
    log(`Klar: http://localhost:${port}`);
  } else if (!shuttingDown) {
    console.error("[samarbeidsregisteret] Feil: webserveren svarte ikke på helsesjekken i tide.");
    await shutdown(1);
  }
}

void main();
