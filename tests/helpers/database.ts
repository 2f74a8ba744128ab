import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Fresh databases for integration tests, on the run's throwaway PostgreSQL.
 * `seeded`: a clone of the migrated and seeded 2021 registry; `empty`: nothing at all.
 */
export async function createTestDatabase(kind: "seeded" | "empty" = "seeded"): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(kind === "seeded" ? `CREATE DATABASE ${name} TEMPLATE registry_template` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Points lib/db's Prisma client at a fresh seeded database for this test file. */
export async function useSeededRegistry(): Promise<{ url: string; drop(): Promise<void> }> {
  const db = await createTestDatabase("seeded");
  process.env.DATABASE_URL = db.url;
  return db;
}
