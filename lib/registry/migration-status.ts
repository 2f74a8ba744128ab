import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";

/**
 * Which of the migrations shipped with this build the database has not run (docs/decisions/0002):
 * a deploy whose migrations did not run answers 503 on /api/health instead of failing on first use.
 * The names come from prisma/migrations next to the app; without that folder nothing is compared.
 */
export interface MigrationStatus {
  applied: number;
  pending: string[];
}

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export function shippedMigrations(dir = MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export async function migrationStatus(dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const shipped = shippedMigrations(dir);
  const [table] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
  if (!table?.present) return { applied: 0, pending: shipped };
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(rows.map((row) => row.migration_name));
  return { applied: done.size, pending: shipped.filter((name) => !done.has(name)) };
}
