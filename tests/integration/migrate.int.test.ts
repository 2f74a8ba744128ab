import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { checksumOf, migrate, MigrationError, readMigrations } from "../../scripts/lib/migrate.ts";
import { MIGRATIONS_DIR } from "../../scripts/lib/prepare.ts";
import { createTestDatabase } from "../helpers/database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase() {
  const db = await createTestDatabase("empty");
  cleanups.push(db.drop);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("applies every migration and records it exactly as Prisma does", async () => {
    const url = await emptyDatabase();
    const files = readMigrations(MIGRATIONS_DIR);
    const result = await migrate(url, MIGRATIONS_DIR);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const file = files[i]!;
      expect(row.checksum).toBe(checksumOf(readFileSync(file.file)));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Prisma's bookkeeping table has exactly Prisma's columns.
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);
  });

  it("is idempotent: a second run applies nothing and adds no rows", async () => {
    const url = await emptyDatabase();
    await migrate(url, MIGRATIONS_DIR);
    const second = await migrate(url, MIGRATIONS_DIR);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(readMigrations(MIGRATIONS_DIR).length);
    const [count] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(count!.n)).toBe(readMigrations(MIGRATIONS_DIR).length);
  });

  it("refuses to run when an applied migration file has changed, naming the file", async () => {
    const url = await emptyDatabase();
    const dir = copyMigrations();
    await migrate(url, dir);
    const first = readMigrations(dir)[0]!;
    appendFileSync(first.file, "\n-- edited after it was applied\n");
    const error = await migrate(url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(path.join(first.name, "migration.sql"));
    expect((error as Error).message).toMatch(/endret/);
  });

  it("lets two processes start at once: one applies, the other waits, nothing runs twice", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(url, MIGRATIONS_DIR), migrate(url, MIGRATIONS_DIR)]);
    const total = readMigrations(MIGRATIONS_DIR).length;
    expect(a.applied.length + b.applied.length).toBe(total);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, total]);
    const [count] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(count!.n)).toBe(total);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const url = await emptyDatabase();
    const dir = copyMigrations();
    await migrate(url, dir);
    const broken = path.join(dir, "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "Halfway" (id int);\nSELECT * FROM "DoesNotExist";\n`);
    await expect(migrate(url, dir)).rejects.toThrow(/29991231000000_broken.*rullet tilbake/);
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Halfway'`);
    expect(tables).toHaveLength(0);
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
    expect(rows).toHaveLength(0);
  });
});
