/**
 * npm run data:check-report [-- <path to the report text>]
 *
 * A second, independent check of the seed: reads the NIVI 2021 report text again, parses its
 * participant tables (Tabell 2.4–2.7, 4.1–4.6, 5.1–5.10) with its own reader, matches each row
 * to a seed arrangement by name and prints every disagreement between the printed participants
 * and the stored ones, and between the text and the tables stored among the report's printed figures
 * (seed/data/baseline.json, read through lib/domain/report-figures.ts). Report text: the argument, else $REPORT_TEXT, else
 * ../shared/report/nivi-2021-interkommunalt-samarbeid-buskerud.txt. When the text is absent the
 * check is skipped (exit 0); it exits 1 only when the seed itself cannot be read.
 * Remaining, explained disagreements are listed in docs/data.md.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { reportFiguresFromSeed } from "../lib/domain/report-figures.ts";
import { loadDataset, type Dataset } from "../seed/load.ts";
import { compareWithPrintedFigures, compareWithSeed, knownMunicipalityNames } from "./lib/report-check.ts";
import { ROOT } from "./lib/prepare.ts";
import { parseParticipantTables } from "./lib/report-tables.ts";

const DEFAULT_REPORT = path.resolve(ROOT, "../shared/report/nivi-2021-interkommunalt-samarbeid-buskerud.txt");

function main(): number {
  const reportPath = path.resolve(process.argv[2] ?? process.env.REPORT_TEXT ?? DEFAULT_REPORT);
  let dataset: Dataset;
  try {
    dataset = loadDataset();
  } catch (error) {
    console.error(`Kan ikke lese datagrunnlaget i seed/: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  if (!existsSync(reportPath)) {
    console.log(`Rapportteksten finnes ikke (${reportPath}), hopper over.`);
    return 0;
  }
  const tables = parseParticipantTables(readFileSync(reportPath, "utf8"), knownMunicipalityNames(dataset));
  const result = compareWithSeed(tables, dataset);
  for (const table of tables) console.log(`${table.table}: ${table.rows.length} rader`);
  console.log("");
  for (const d of result.disagreements) {
    console.log(`- ${d.table}${d.nr !== null ? `, rad ${d.nr}` : ""}${d.arrangement ? ` (${d.arrangement})` : ""}: ${d.message}`);
  }
  console.log("");
  console.log(`Lest ${result.rows} rader i ${tables.length} tabeller; ${result.matched} knyttet til ordninger i registeret; ` + `${result.disagreements.length} uoverensstemmelser.`);
  // The same tables as stored among the report's printed figures (baseline.json).
  const printed = compareWithPrintedFigures(tables, reportFiguresFromSeed(dataset.baseline, ["crossCounty", "chapter4Lists"] as const));
  console.log("");
  for (const d of printed.disagreements) console.log(`- ${d.table}, rad ${d.nr}${d.arrangement ? ` (${d.arrangement})` : ""}: ${d.message}`);
  console.log(`Rapporttallene (baseline.json): ${printed.matched} av ${printed.rows} rader i Tabell 2.4–2.7 og kapittel 4 funnet; ${printed.disagreements.length} uoverensstemmelser.`);
  return 0;
}

process.exit(main());
