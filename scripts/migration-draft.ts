/**
 * Drafts the SQL of a schema change with Prisma's own schema engine (wasm build): the difference
 * between prisma/schema.prisma as last committed (or --from <file>) and the working copy. Writes
 * prisma/migrations/<timestamp>_<name>/migration.sql. Review it; the drift test then proves that the
 * migrations produce exactly what schema.prisma describes.
 * Usage: npm run db:draft -- <name> [--from <schema file>]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultTempDataDir, startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { diffSchemas } from "./lib/schema-engine.ts";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--from");
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Bruk: npm run db:draft -- <navn_med_små_bokstaver_og_understrek> [--from <skjemafil>]");
  process.exit(1);
}
const fromIndex = args.indexOf("--from");
let fromSchema: string | null;
if (fromIndex >= 0) {
  fromSchema = readFileSync(args[fromIndex + 1]!, "utf8");
} else {
  const hasMigrations = existsSync("prisma/migrations") && readdirSync("prisma/migrations").some((d) => /^\d/.test(d));
  try {
    fromSchema = hasMigrations ? execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }) : null;
  } catch {
    fromSchema = null;
  }
}
const dataDir = defaultTempDataDir("samarbeid-draft");
const db = await startEmbeddedDatabase({ dataDir, persistent: false });
try {
  const sql = await diffSchemas(fromSchema, readFileSync("prisma/schema.prisma", "utf8"), db.url);
  if (!sql) {
    console.log("Ingen forskjell mellom skjemaene: ingen ny migrering trengs.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Skrev ${dir}/migration.sql — les gjennom før commit.`);
  }
} finally {
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
