import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded-db.ts";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export class DatabaseConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseConnectionError";
  }
}

function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  } catch {
    return "(ugyldig DATABASE_URL)";
  }
}

/** Connects once to prove the database is reachable; throws one clear Norwegian line otherwise. */
export async function checkConnection(url: string): Promise<void> {
  const target = describeTarget(url);
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  } catch {
    throw new DatabaseConnectionError(`DATABASE_URL er ikke en gyldig PostgreSQL-adresse.`);
  }
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { code?: string };
    const reason =
      err.code === "28P01" || err.code === "28000"
        ? "feil brukernavn eller passord"
        : err.code === "3D000"
          ? "databasen finnes ikke"
          : err.code === "ECONNREFUSED"
            ? "tilkoblingen ble avvist (kjører PostgreSQL der?)"
            : err.code === "ENOTFOUND" || err.code === "EAI_AGAIN"
              ? "vertsnavnet finnes ikke"
              : /timeout/i.test(err.message)
                ? "tidsavbrudd"
                : err.message;
    throw new DatabaseConnectionError(`Kan ikke koble til PostgreSQL på ${target}: ${reason}.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * DATABASE_URL set: use that PostgreSQL, start nothing. Otherwise: the embedded PostgreSQL under
 * DATA_DIR (default .data/), created on first use.
 */
export async function resolveDatabase(options: { dataDir?: string; persistent?: boolean; log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await checkConnection(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const dataDir = options.dataDir ?? path.join(process.env.DATA_DIR ?? ".data", "postgres");
  const db = await startEmbeddedDatabase({ dataDir, persistent: options.persistent, log: options.log });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}
