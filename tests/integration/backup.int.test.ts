import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type Backup, exportDatabase, importDatabase, parseBackup, serializeBackup } from "../../scripts/lib/backup.ts";
import { migrate } from "../../scripts/lib/migrate.ts";
import { MIGRATIONS_DIR, ROOT } from "../../scripts/lib/prepare.ts";
import { createTestDatabase } from "../helpers/database.ts";

/** npm run db:export / db:import (issue #14 item 4): every table back, checked by a hash per table. */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function database(kind: "seeded" | "empty"): Promise<string> {
  const db = await createTestDatabase(kind);
  cleanups.push(db.drop);
  if (kind === "empty") await migrate(db.url, MIGRATIONS_DIR);
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

const hashes = (backup: Backup) => Object.fromEntries(backup.tables.map((t) => [t.name, `${t.rowCount}:${t.sha256}`]));

describe("logical backup and restore", () => {
  it("a restored database equals the original, table by table", async () => {
    const source = await database("seeded");
    const backup = parseBackup(serializeBackup(await exportDatabase(source)));
    expect(backup.tables.find((t) => t.name === "Arrangement")?.rowCount).toBeGreaterThan(200);
    expect(backup.tables.map((t) => t.name)).not.toContain("_prisma_migrations");
    const target = await database("empty");
    const result = await importDatabase(target, backup);
    expect(result.rows).toBe(backup.tables.reduce((sum, t) => sum + t.rowCount, 0));
    expect(hashes(await exportDatabase(target))).toEqual(hashes(backup));
    // Ids continue after the restored ones.
    const [max] = await query<{ max: number }>(target, `SELECT max(id) AS max FROM "Arrangement"`);
    const [next] = await query<{ id: number }>(target, `SELECT nextval(pg_get_serial_sequence('"Arrangement"', 'id'))::int AS id`);
    expect(next?.id).toBe((max?.max ?? 0) + 1);
  });

  it("a tampered backup is refused with a Norwegian message and changes nothing", async () => {
    const source = await database("seeded");
    const backup = await exportDatabase(source);
    const arrangements = backup.tables.find((t) => t.name === "Arrangement");
    const first = arrangements?.rows[0] as { name: string };
    first.name = `${first.name} (endret)`;
    const target = await database("empty");
    await expect(importDatabase(target, backup)).rejects.toThrow(/Innholdet i tabellen Arrangement stemmer ikke med kontrollsummen/);
    expect(await query(target, `SELECT 1 FROM "Municipality" LIMIT 1`)).toEqual([]);
  });

  it("refuses a non-empty database unless told to replace it", async () => {
    const source = await database("seeded");
    const backup = await exportDatabase(source);
    const target = await database("seeded");
    await query(target, `UPDATE "Arrangement" SET name = 'Lokal endring' WHERE id = (SELECT min(id) FROM "Arrangement")`);
    await expect(importDatabase(target, backup)).rejects.toThrow(/Databasen har allerede data/);
    await importDatabase(target, backup, { replace: true });
    expect(hashes(await exportDatabase(target))).toEqual(hashes(backup));
  });

  it("refuses a backup from another schema version", async () => {
    const backup = await exportDatabase(await database("seeded"));
    const target = await database("empty");
    await expect(importDatabase(target, { ...backup, migrations: [...backup.migrations, "20991231000000_fremtid"] })).rejects.toThrow(/annen databaseversjon.*Mangler her: 20991231000000_fremtid/);
    expect(() => parseBackup(Buffer.from("ikke en kopi"))).toThrow(/ikke en sikkerhetskopi/);
  });

  it("npm run db:export and db:import work end to end on DATABASE_URL", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "backup-"));
    const file = path.join(dir, "kopi.json.gz");
    const run = (args: string[], url: string) =>
      spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
        timeout: 90_000,
      });
    const source = await database("seeded");
    const exported = run(["export", file], source);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Sikkerhetskopi skrevet til .*sha256 [0-9a-f]{64}/);
    const empty = await createTestDatabase("empty");
    cleanups.push(empty.drop);
    const target = empty.url;
    const imported = run(["import", file], target);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/kontrollsummen stemmer for hver tabell/);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    const broken = run(["import", file, "--replace", "--yes"], target);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/ikke en sikkerhetskopi/);
  });
});
