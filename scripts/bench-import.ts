/**
 * npm run bench:import — how long the kartleggingsfil import takes to preview a large file.
 * On a throwaway embedded PostgreSQL with the synthetic national registry
 * (scripts/generate-national-dataset.ts), a 2 000-row kartleggingsfil is written by the export
 * (lib/municipalities/survey-file.ts), then changed the way a returned file is: edited descriptions,
 * added participants, ended arrangements, unknown municipality names and new rows. The preview —
 * parsing (lib/import/parse.ts) plus comparison and validation through the change operations
 * (lib/import/plan.ts) — is timed for XLSX and semicolon CSV. Target: under 5 s. Writes docs/benchmarks.md.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Actor } from "../lib/auth/authorize.ts";
import { prisma } from "../lib/db.ts";
import { arrangementRows } from "../lib/arrangements/list.ts";
import { todayInNorway } from "../lib/domain/today.ts";
import { csvCell } from "../lib/export/csv.ts";
import { SURVEY_FILE_COLUMNS } from "../lib/import/layout.ts";
import { parseSurveyFile } from "../lib/import/parse.ts";
import { planImport } from "../lib/import/plan.ts";
import type { MunicipalityDetail } from "../lib/municipalities/index.ts";
import { surveyFileXlsx } from "../lib/municipalities/survey-file.ts";
import { defaultTempDataDir, startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { migrate } from "./lib/migrate.ts";
import { MIGRATIONS_DIR, ROOT } from "./lib/prepare.ts";
import { generateNationalDataset } from "./generate-national-dataset.ts";

const ROWS = 2000;
const NEW_ROWS = 50;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5);
const TARGET_MS = 5000;
const adviser: Actor = { id: 1, name: "Benchmark", email: "bench@example.no", role: "STATSFORVALTER", municipalityIds: [] };

const col = (header: string) => SURVEY_FILE_COLUMNS.indexOf(header) + 1;
const ms = (v: number) => Math.round(v).toLocaleString("nb-NO");

async function buildFile(): Promise<{ xlsx: Uint8Array; csv: Uint8Array; edits: Record<string, number> }> {
  const ids = (await prisma.arrangement.findMany({ where: { endDate: null }, select: { id: true }, orderBy: { id: "asc" }, take: ROWS - NEW_ROWS })).map((a) => a.id);
  const rows = await arrangementRows(ids, todayInNorway());
  const municipalities = (await prisma.municipality.findMany({ select: { name: true }, orderBy: { id: "asc" } })).map((m) => m.name);
  const detail = { name: "Benchmark", currentCode: null, code2021: null, date: todayInNorway(), groups: [{ level: "REGIONAL", title: "", rows }] } as unknown as MunicipalityDetail;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await surveyFileXlsx(detail)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Kartlegging")!;
  const edits = { description: 0, participant: 0, ended: 0, unknown: 0, new: 0 };
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (n % 13 === 0) {
      row.getCell(col("Innhold")).value = `Oppdatert beskrivelse ${n}.`;
      edits.description++;
    } else if (n % 41 === 0) {
      const cell = row.getCell(col("Deltakerkommuner"));
      const taken = String(cell.value ?? "");
      const extra = municipalities.find((m) => !taken.includes(m));
      cell.value = `${taken}, ${extra}`;
      edits.participant++;
    } else if (n % 97 === 0) {
      row.getCell(col("Sluttdato")).value = "31.12.2025";
      edits.ended++;
    } else if (n % 199 === 0) {
      const cell = row.getCell(col("Deltakerkommuner"));
      cell.value = `${String(cell.value ?? "")}, Kommune${n}x`;
      edits.unknown++;
    }
  }
  for (let i = 0; i < NEW_ROWS; i++) {
    sheet.addRow([`Ny ordning ${i + 1}`, `${municipalities[i]}, ${municipalities[i + 1]}`, "Ny", 2025, "", municipalities[i], "", "Sektor: Helsetjenester", "", "", ""]);
    edits.new++;
  }
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const lines: string[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= SURVEY_FILE_COLUMNS.length; c++) cells.push(csvCell(row.getCell(c).value as string | number | null));
    lines.push(cells.join(";"));
  });
  const csv = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
  return { xlsx, csv, edits };
}

async function timePreview(bytes: Uint8Array, name: string) {
  const samples: { parse: number; plan: number; total: number }[] = [];
  let counts: Record<string, number> = {};
  for (let i = 0; i <= ITERATIONS; i++) {
    const start = performance.now();
    const parsed = await parseSurveyFile(bytes, name);
    if (!parsed.ok) throw new Error(parsed.message);
    const parsedAt = performance.now();
    const plan = await planImport(prisma, adviser, parsed, "apply");
    const end = performance.now();
    counts = plan.counts;
    if (i > 0) samples.push({ parse: parsedAt - start, plan: end - parsedAt, total: end - start });
  }
  const sorted = (key: "parse" | "plan" | "total") => samples.map((s) => s[key]).sort((a, b) => a - b);
  const median = (key: "parse" | "plan" | "total") => sorted(key)[Math.floor(samples.length / 2)]!;
  return { name, bytes: bytes.byteLength, counts, parse: median("parse"), plan: median("plan"), total: median("total"), max: sorted("total").at(-1)! };
}

async function main() {
  const dataDir = defaultTempDataDir("samarbeid-bench-import");
  const db = await startEmbeddedDatabase({ dataDir, persistent: false });
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_import");
    await admin.end();
    const url = Object.assign(new URL(db.url), { pathname: "/bench_import" }).toString();
    await migrate(url, MIGRATIONS_DIR);
    console.log("Lager syntetisk nasjonalt datasett …");
    const counts = await generateNationalDataset(url);
    process.env.DATABASE_URL = url;
    console.log(`  ${counts.arrangements} ordninger. Skriver en kartleggingsfil med ${ROWS} rader …`);
    const { xlsx, csv, edits } = await buildFile();
    const results = [await timePreview(xlsx, "kartleggingsfil.xlsx"), await timePreview(csv, "kartleggingsfil.csv")];
    const table = [
      "| Fil | Størrelse | Rader (ny/endret/uendret/feil) | Lesing, median | Sammenligning og validering, median | Totalt, median | Totalt, maks |",
      "|---|---:|---|---:|---:|---:|---:|",
      ...results.map(
        (r) =>
          `| ${r.name} | ${ms(r.bytes / 1024)} KiB | ${r.counts.new}/${r.counts.changed}/${r.counts.unchanged}/${r.counts.error} | ${ms(r.parse)} ms | ${ms(r.plan)} ms | ${ms(r.total)} ms | ${ms(r.max)} ms |`,
      ),
    ].join("\n");
    const worst = Math.max(...results.map((r) => r.max));
    const verdict = `- Forhåndsvisning av ${ROWS} rader, verste måling: ${ms(worst)} ms (mål < ${ms(TARGET_MS)} ms): ${worst < TARGET_MS ? "**oppfylt**" : "**ikke oppfylt**"}`;
    const cpus = os.cpus();
    const section = `<!-- bench:import:start -->
## Import av kartleggingsfil (\`npm run bench:import\`)

Sist kjørt ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC på det syntetiske nasjonale datasettet (${counts.arrangements} ordninger).
Filen har ${ROWS} rader skrevet av eksporten (${ROWS - NEW_ROWS} eksisterende ordninger og ${NEW_ROWS} nye rader), med endringene en
returnert fil har: ${edits.description} endrede beskrivelser, ${edits.participant} nye deltakere, ${edits.ended} avsluttede ordninger og
${edits.unknown} ukjente kommunenavn. Forhåndsvisningen er lesing av filen (\`lib/import/parse.ts\`) pluss sammenligning med registeret
og validering gjennom endringsoperasjonene (\`lib/import/plan.ts\`), som rådgiver. ${ITERATIONS} målte runder etter én oppvarming.
Maskin: ${cpus[0]?.model ?? "ukjent"} (${cpus.length} kjerner, delt med andre prosesser), Node ${process.version}.

${verdict}

${table}
<!-- bench:import:end -->`;
    const file = path.join(ROOT, "docs/benchmarks.md");
    const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Ytelsesmålinger\n";
    const updated = existing.includes("<!-- bench:import:start -->")
      ? existing.replace(/<!-- bench:import:start -->[\s\S]*<!-- bench:import:end -->/, section)
      : `${existing.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, updated);
    console.log(`\n${table}\n\n${verdict}\n\nSkrevet til docs/benchmarks.md`);
  } finally {
    await prisma.$disconnect();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
