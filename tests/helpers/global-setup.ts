import { rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { defaultTempDataDir, startEmbeddedDatabase } from "../../scripts/lib/embedded-db.ts";
import { prepareDatabase } from "../../scripts/lib/prepare.ts";

/**
 * One throwaway embedded PostgreSQL for the whole integration run (free port, temp dir, removed
 * afterwards). A template database is migrated and seeded once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const dataDir = defaultTempDataDir("samarbeid-test");
  const db = await startEmbeddedDatabase({ dataDir, persistent: false });
  const admin = new URL(db.url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE registry_template`);
  await client.end();
  const template = new URL(db.url);
  template.pathname = "/registry_template";
  await prepareDatabase(template.toString());
  project.provide("adminDatabaseUrl", admin.toString());
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
