import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../scripts/lib/migrate.ts";
import { MIGRATIONS_DIR } from "../scripts/lib/prepare.ts";
import { createTestDatabase } from "../tests/helpers/database.ts";
import { seedDatabase } from "./apply.ts";
import { loadDataset } from "./load.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const TABLES = [
  "County",
  "Region",
  "Municipality",
  "MunicipalityCode",
  "MunicipalityCounty",
  "Population",
  "Sector",
  "TaskArea",
  "LegalForm",
  "Arrangement",
  "ArrangementTaskArea",
  "Participation",
  "StaffingRecord",
  "Provenance",
  "ReportBaseline",
];

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return out;
  } finally {
    await client.end();
  }
}

describe("seedDatabase", () => {
  it("is idempotent: a second run on a seeded registry changes nothing and returns false", async () => {
    const db = await createTestDatabase("seeded");
    cleanups.push(db.drop);
    const before = await counts(db.url);
    expect(before.Arrangement).toBe(221);
    expect(before.ReportBaseline).toBeGreaterThan(0);
    expect(await seedDatabase(db.url, loadDataset())).toBe(false);
    expect(await counts(db.url)).toEqual(before);
  });

  it("is all-or-nothing: a failing insert leaves the registry empty, and a later good run seeds it", async () => {
    const db = await createTestDatabase("empty");
    cleanups.push(db.drop);
    await migrate(db.url, MIGRATIONS_DIR);
    const good = loadDataset();
    // A five-digit municipality code passes nothing in PostgreSQL (VARCHAR(4)); it fails after
    // counties, regions and municipalities have been inserted in the same transaction.
    const broken = structuredClone(good);
    broken.municipalities[0]!.codes[0]!.code = "30050";
    await expect(seedDatabase(db.url, broken)).rejects.toThrow();
    expect(Object.values(await counts(db.url)).every((n) => n === 0)).toBe(true);
    expect(await seedDatabase(db.url, good)).toBe(true);
    expect((await counts(db.url)).Arrangement).toBe(221);
  });
});
