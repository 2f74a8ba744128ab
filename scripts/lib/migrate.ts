import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each in Prisma's own
 * `_prisma_migrations` table (same DDL, sha256 checksum, advisory lock), so that
 * `prisma migrate deploy` on another machine agrees with what ran here.
 * Why not Prisma's CLI: docs/decisions/0002-migration-runner.md.
 */

/** The DDL Prisma's schema engine uses for its bookkeeping table (PostgreSQL connector). */
export const PRISMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

/** Prisma's advisory lock key for migrations (PostgreSQL connector). */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`Migreringsmappen ${name} mangler migration.sql`);
      const bytes = readFileSync(file);
      return { name, file, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(databaseUrl: string, migrationsDir: string, log: (line: string) => void = () => {}): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level lock: a second process starting at the same moment waits here.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(PRISMA_MIGRATIONS_DDL);
      const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
      const active = rows.filter((row) => row.rolled_back_at === null);
      const failed = active.find((row) => row.finished_at === null);
      if (failed) {
        throw new MigrationError(`Migreringen ${failed.migration_name} feilet tidligere og er ikke fullført. Rydd opp i databasen og merk den som rullet tilbake før oppstart.`);
      }
      const byName = new Map(migrations.map((m) => [m.name, m]));
      for (const row of active) {
        const file = byName.get(row.migration_name);
        if (!file) {
          throw new MigrationError(`Databasen har migreringen ${row.migration_name}, men filen finnes ikke i prisma/migrations. Starter ikke.`);
        }
        if (file.checksum !== row.checksum) {
          throw new MigrationError(
            `Migreringsfilen ${path.relative(process.cwd(), file.file)} er endret etter at den ble kjørt (sjekksummen stemmer ikke). Starter ikke: lag en ny migrering i stedet for å endre en kjørt.`,
          );
        }
      }
      const appliedNames = new Set(active.map((row) => row.migration_name));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (appliedNames.has(migration.name)) continue;
        log(`Kjører migrering ${migration.name}`);
        await client.query("BEGIN");
        try {
          const id = randomUUID();
          await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
            id,
            migration.checksum,
            migration.name,
          ]);
          await client.query(migration.sql);
          await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new MigrationError(`Migreringen ${migration.name} feilet og er rullet tilbake: ${error instanceof Error ? error.message : String(error)}`);
        }
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: appliedNames.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
