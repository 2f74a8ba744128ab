import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { compareSnapshots, snapshotSchema } from "../../scripts/lib/drift.ts";
import { migrate } from "../../scripts/lib/migrate.ts";
import { MIGRATIONS_DIR, ROOT } from "../../scripts/lib/prepare.ts";
import { diffSchemas } from "../../scripts/lib/schema-engine.ts";
import { createTestDatabase } from "../helpers/database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function exec(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The database schema.prisma describes, built by Prisma's own engine from an empty database. */
async function databaseFromSchema(): Promise<string> {
  const db = await createTestDatabase("empty");
  cleanups.push(db.drop);
  const sql = await diffSchemas(null, readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"), db.url);
  // Extensions are created by the migrations (Prisma's schema does not declare them); the schema's
  // trigram indexes need pg_trgm.
  await exec(db.url, `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${sql}`);
  return db.url;
}

async function migratedDatabase(): Promise<string> {
  const db = await createTestDatabase("empty");
  cleanups.push(db.drop);
  await migrate(db.url, MIGRATIONS_DIR);
  return db.url;
}

describe("schema drift", () => {
  it("the migrated database is exactly what schema.prisma describes", async () => {
    const [expected, actual] = await Promise.all([databaseFromSchema(), migratedDatabase()]);
    const differences = compareSnapshots(await snapshotSchema(expected), await snapshotSchema(actual));
    expect(differences, differences.join("\n")).toEqual([]);
  });

  it("detects hand-written SQL that drifts from the schema", async () => {
    const [expected, actual] = await Promise.all([databaseFromSchema(), migratedDatabase()]);
    await exec(
      actual,
      `ALTER TABLE "Arrangement" ADD COLUMN "extra" text;
       ALTER TABLE "Arrangement" ALTER COLUMN "notes" SET NOT NULL;
       DROP INDEX "Participation_municipalityId_idx";
       ALTER TABLE "Participation" DROP CONSTRAINT "Participation_municipalityId_fkey";`,
    );
    const differences = compareSnapshots(await snapshotSchema(expected), await snapshotSchema(actual));
    expect(differences.some((d) => d.includes("Arrangement.extra"))).toBe(true);
    expect(differences.some((d) => d.includes("Arrangement.notes") && d.includes("NOT NULL"))).toBe(true);
    expect(differences.some((d) => d.includes("Participation_municipalityId_idx"))).toBe(true);
    expect(differences.some((d) => d.includes("Participation_municipalityId_fkey"))).toBe(true);
  });
});
