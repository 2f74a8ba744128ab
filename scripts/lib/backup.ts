import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";

/**
 * Full logical backup and restore of the registry (npm run db:export / db:import; issue #14): the
 * embedded server ships no pg_dump, so every table is read as JSON rows (PostgreSQL's own text forms:
 * bytea as \x…, timestamps with zone, numerics exact) and written back with json_populate_recordset.
 * Each table carries a sha256 of its rows' canonical text, computed by PostgreSQL; import recomputes it
 * after writing and rolls everything back on any difference. The migration list must match, so a
 * backup is always restored into the schema it was taken from.
 */
export const BACKUP_FORMAT = "samarbeidsregisteret-backup";
export const BACKUP_VERSION = 1;

export interface TableBackup {
  name: string;
  rowCount: number;
  sha256: string;
  rows: unknown[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: TableBackup[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Data tables of the public schema in an order where every foreign key points backwards. */
async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent FROM pg_constraint k
     JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pr ON pr.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pr.relname`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables.map((t) => t.name));
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) => !edges.some((e) => e.child === name && remaining.has(e.parent)));
    if (ready.length === 0) throw new BackupError(`Sirkulære fremmednøkler mellom tabellene ${[...remaining].join(", ")}`);
    for (const name of ready.sort()) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}

async function tableHash(client: pg.ClientBase, table: string): Promise<{ rowCount: number; sha256: string }> {
  const { rows } = await client.query<{ n: string; h: string }>(
    `SELECT count(*) AS n, encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''), 'UTF8')), 'hex') AS h FROM ${quote(table)} t`,
  );
  const row = rows[0];
  if (!row) throw new BackupError(`Fant ikke tabellen ${table}`);
  return { rowCount: Number(row.n), sha256: row.h };
}

/**
 * Row count and content hash of every data table, in one snapshot: tests compare two of these to show
 * that a refused request changed nothing (tests/integration/fuzz-*.int.test.ts).
 */
export async function databaseFingerprint(url: string, client?: pg.ClientBase): Promise<Record<string, { rowCount: number; sha256: string }>> {
  const own = client ? null : new pg.Client({ connectionString: url });
  const db = client ?? own!;
  if (own) await own.connect();
  try {
    await fixedSessionSettings(db);
    await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesInDependencyOrder(db);
    // One round trip for every table (the same hash as tableHash computes).
    const { rows } = await db.query<{ name: string; n: string; h: string }>(
      tables
        .map(
          (name) =>
            `SELECT ${db.escapeLiteral(name)} AS name, count(*) AS n, encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''), 'UTF8')), 'hex') AS h FROM ${quote(name)} t`,
        )
        .join(" UNION ALL "),
    );
    await db.query("COMMIT");
    return Object.fromEntries(rows.sort((a, b) => a.name.localeCompare(b.name)).map((row) => [row.name, { rowCount: Number(row.n), sha256: row.h }]));
  } finally {
    await own?.end();
  }
}

/** The same text forms on every server, whatever its configured time zone and date style. */
async function fixedSessionSettings(client: pg.ClientBase): Promise<void> {
  await client.query("SET TIME ZONE 'UTC'; SET datestyle = 'ISO, YMD'; SET extra_float_digits = 1");
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return rows.map((r) => r.migration_name);
}

export async function exportDatabase(url: string): Promise<Backup> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every table: the backup is consistent even while the app writes.
    await fixedSessionSettings(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    const tables: TableBackup[] = [];
    for (const name of await tablesInDependencyOrder(client)) {
      const { rows } = await client.query<{ r: unknown }>(`SELECT to_jsonb(t) AS r FROM ${quote(name)} t ORDER BY t::text`);
      tables.push({ name, ...(await tableHash(client, name)), rows: rows.map((row) => row.r) });
    }
    await client.query("COMMIT");
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables };
  } finally {
    await client.end();
  }
}

export function serializeBackup(backup: Backup): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(backup), "utf8"));
}

export function parseBackup(bytes: Buffer): Backup {
  let value: unknown;
  try {
    value = JSON.parse(gunzipSync(bytes).toString("utf8"));
  } catch {
    throw new BackupError("Filen er ikke en sikkerhetskopi fra Samarbeidsregisteret (kunne ikke pakke ut og lese JSON).");
  }
  const backup = value as Partial<Backup>;
  if (backup.format !== BACKUP_FORMAT || !Array.isArray(backup.tables) || !Array.isArray(backup.migrations)) {
    throw new BackupError("Filen er ikke en sikkerhetskopi fra Samarbeidsregisteret.");
  }
  if (backup.version !== BACKUP_VERSION) throw new BackupError(`Sikkerhetskopien har format ${backup.version}; denne versjonen leser format ${BACKUP_VERSION}.`);
  return backup as Backup;
}

/**
 * Restores `backup` into a migrated database. Refuses when the migrations differ or (without
 * `replace`) when the database already holds data; with `replace` every table is emptied first.
 * All in one transaction: on any error, including a hash mismatch, nothing changes.
 */
export async function importDatabase(url: string, backup: Backup, options: { replace?: boolean } = {}): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fixedSessionSettings(client);
    await client.query("BEGIN");
    const migrations = await appliedMigrations(client);
    if (migrations.join("\n") !== backup.migrations.join("\n")) {
      const missing = backup.migrations.filter((m) => !migrations.includes(m));
      const extra = migrations.filter((m) => !backup.migrations.includes(m));
      throw new BackupError(
        `Sikkerhetskopien er tatt fra en annen databaseversjon. ${missing.length ? `Mangler her: ${missing.join(", ")}. ` : ""}${extra.length ? `Ikke i kopien: ${extra.join(", ")}. ` : ""}Bruk samme versjon av appen som tok kopien.`,
      );
    }
    const order = await tablesInDependencyOrder(client);
    const known = new Set(order);
    const unknown = backup.tables.filter((t) => !known.has(t.name)).map((t) => t.name);
    if (unknown.length) throw new BackupError(`Sikkerhetskopien har tabeller som ikke finnes her: ${unknown.join(", ")}`);
    if (options.replace) {
      await client.query(`TRUNCATE ${order.map(quote).join(", ")} RESTART IDENTITY CASCADE`);
    } else {
      for (const name of order) {
        const { rows } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
        if (rows.length) throw new BackupError(`Databasen har allerede data (tabellen ${name}). Bruk --replace for å erstatte alt innhold.`);
      }
    }
    const byName = new Map(backup.tables.map((t) => [t.name, t]));
    let total = 0;
    for (const name of order) {
      const table = byName.get(name);
      if (!table || table.rows.length === 0) continue;
      // Generated columns (the search columns) are computed again by PostgreSQL, never written.
      const { rows: columns } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [name],
      );
      const list = columns.map((c) => quote(c.column_name)).join(", ");
      for (let start = 0; start < table.rows.length; start += 1000) {
        const chunk = table.rows.slice(start, start + 1000);
        await client.query(`INSERT INTO ${quote(name)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(name)}, $1::jsonb)`, [JSON.stringify(chunk)]);
      }
      total += table.rows.length;
    }
    for (const name of order) {
      const expected = byName.get(name);
      const actual = await tableHash(client, name);
      const wanted = expected ?? { rowCount: 0, sha256: actual.sha256 };
      if (actual.rowCount !== wanted.rowCount || actual.sha256 !== wanted.sha256) {
        throw new BackupError(`Innholdet i tabellen ${name} stemmer ikke med kontrollsummen i sikkerhetskopien (${actual.rowCount} rader lest, ${wanted.rowCount} ventet). Ingenting er endret.`);
      }
    }
    // Serial ids continue after the highest restored id.
    const { rows: serials } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const { table_name, column_name } of serials) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column_name)}) FROM ${quote(table_name)}), 0) + 1, false)`, [quote(table_name), column_name]);
    }
    await client.query("COMMIT");
    return { tables: backup.tables.length, rows: total };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** sha256 of a backup file, printed so an operator can record it next to the file. */
export function fileDigest(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
