import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDataset } from "../../seed/load.ts";
import { seedDatabase } from "../../seed/apply.ts";
import { migrate } from "./migrate.ts";
import { ensureReportSnapshot } from "./report-snapshot.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

/** Migrate, then seed the 2021 dataset if the registry is empty, and store «Rapport 2021» if it is missing. */
export async function prepareDatabase(url: string, log: (line: string) => void = () => {}): Promise<{ seeded: boolean }> {
  const result = await migrate(url, MIGRATIONS_DIR, log);
  if (result.applied.length) log(`Migreringer kjørt: ${result.applied.length}`);
  const seeded = await seedDatabase(url, loadDataset());
  if (seeded) log("Databasen var tom: lastet inn datagrunnlaget fra 2021");
  if (await ensureReportSnapshot(url)) log("Lagret øyeblikksbildet «Rapport 2021» (registeret per 1. november 2021)");
  return { seeded };
}
