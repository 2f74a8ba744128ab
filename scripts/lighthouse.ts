/**
 * npm run lighthouse — Lighthouse (desktop preset) on the pages named in issue 13, against a
 * production build with a throwaway seeded database (scripts/start.ts --ephemeral, as the e2e
 * tests start it). Writes the scores (accessibility, best practices, SEO, performance) and every
 * audit that is not passed to docs/lighthouse.md. Targets: 100 / 100 / 100 / ≥ 90.
 *
 * Chrome: CHROMIUM_PATH (default /usr/bin/chromium), headless. Port: LIGHTHOUSE_PORT (default 3300).
 * `--runs N` runs each page N times and keeps the median performance run (default 1).
 * `--url http://…` measures an already running server instead of starting one.
 * `--only /kart` (repeatable) measures just those pages and prints the scores without rewriting docs/lighthouse.md;
 * `--json file` also writes every measured run's full Lighthouse report (lhr) there, e.g. to read
 * `audits["inspector-issues"].details`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import * as prettier from "prettier";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const ROOT = path.resolve(import.meta.dirname, "..");

const PAGES: { path: string; label: string; note?: string }[] = [
  { path: "/", label: "Forsiden" },
  { path: "/ordninger", label: "Ordninger" },
  { path: "/ordninger/ikt-hallingdal", label: "Én ordning (IKT Hallingdal)" },
  { path: "/kommuner/3328", label: "Én kommune (Ål)" },
  { path: "/kart", label: "Kart" },
  { path: "/statistikk", label: "Statistikk" },
];
const CATEGORIES = ["accessibility", "best-practices", "seo", "performance"] as const;
const LABELS: Record<(typeof CATEGORIES)[number], string> = { accessibility: "Tilgjengelighet", "best-practices": "Beste praksis", seo: "SEO", performance: "Ytelse" };
const TARGET: Record<(typeof CATEGORIES)[number], number> = { accessibility: 100, "best-practices": 100, seo: 100, performance: 90 };

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Math.max(1, Number(argValue("--runs") ?? 1));
const only = args.flatMap((a, i) => (a === "--only" && args[i + 1] ? [args[i + 1]!] : []));
const jsonFile = argValue("--json");
const fullReports: unknown[] = [];
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3300);
const log = (line: string) => console.log(`[lighthouse] ${line}`);

async function waitFor(url: string, child: ChildProcess | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`serveren stoppet (kode ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} svarte ikke innen ${timeoutMs / 1000} s`);
}

function startServer(): ChildProcess {
  log(`starter produksjonsbygget med en midlertidig database på port ${port} (bygger først hvis det mangler eller er utdatert)`);
  return spawn("npx", ["tsx", "--conditions=react-server", "scripts/start.ts", "--ephemeral"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

async function startChrome(): Promise<{ child: ChildProcess; port: number; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lighthouse-chrome-"));
  const debugPort = 9300 + Math.floor(Math.random() * 500);
  const child = spawn(
    chromePath,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${dir}`,
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
      "about:blank",
    ],
    {
      stdio: "ignore",
    },
  );
  await waitFor(`http://127.0.0.1:${debugPort}/json/version`, child, 30_000);
  return { child, port: debugPort, dir };
}

interface PageResult {
  label: string;
  path: string;
  note?: string;
  /** null: Lighthouse could not score the category (see `error`). */
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  failing: { category: string; id: string; title: string; score: number | null; displayValue?: string; details: string[] }[];
  error?: string;
}

async function measure(base: string, chromePort: number, page: (typeof PAGES)[number]): Promise<PageResult> {
  const results: PageResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(`${base}${page.path}`, { port: chromePort, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] }, desktopConfig);
    if (!result) throw new Error(`ingen rapport for ${page.path}`);
    const lhr = result.lhr;
    if (jsonFile) fullReports.push(lhr);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)])) as PageResult["scores"];
    const failing: PageResult["failing"] = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9 || ref.weight === 0) continue;
        if (audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "manual") continue;
        // What the audit found (console messages, failing elements), a few lines of it.
        const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
        const details = items.slice(0, 3).map((item) => {
          const text = [item.description, item.url, (item.node as { snippet?: string } | undefined)?.snippet].filter((v) => typeof v === "string" && v).join(" ");
          return text.slice(0, 200);
        });
        failing.push({ category: c, id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue, details: details.filter(Boolean) });
      }
    }
    const error = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined;
    results.push({ ...page, scores, failing, error });
    log(`${page.path}: ${CATEGORIES.map((c) => `${LABELS[c]} ${scores[c] ?? "–"}`).join(", ")}${error ? ` (${error})` : ""}`);
  }
  results.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return results[Math.floor(results.length / 2)]!;
}

function report(results: PageResult[], base: string): string {
  const cell = (c: (typeof CATEGORIES)[number], v: number | null) => (v === null ? "–" : v >= TARGET[c] ? `${v}` : `**${v}**`);
  const lines = [
    "# Lighthouse",
    "",
    `Målt ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC med \`npm run lighthouse\` (scripts/lighthouse.ts): Lighthouse 12.2.3, skrivebordsprofil (desktop preset), headless Chromium,`,
    `mot produksjonsbygget med en midlertidig database med frødataene (${base.includes("localhost") ? "startet av skriptet" : base}). ${runs > 1 ? `Medianen av ${runs} kjøringer per side.` : "Én kjøring per side."}`,
    "",
    "Mål (issue 13): tilgjengelighet 100, beste praksis 100, SEO 100, ytelse ≥ 90. Tall under målet står i fet skrift.",
    "Ytelsen er simulert (Lantern) og avhenger av hvor travel maskinen er; på en delt maskin med flere bygg samtidig blir den lavere enn på en ledig.",
    "",
    `| Side | Adresse | ${CATEGORIES.map((c) => LABELS[c]).join(" | ")} |`,
    `| --- | --- | ${CATEGORIES.map(() => "---:").join(" | ")} |`,
    ...results.map((r) => `| ${r.label} | \`${r.path}\` | ${CATEGORIES.map((c) => cell(c, r.scores[c])).join(" | ")} |`),
    "",
  ];
  const notes = results.filter((r) => r.note);
  if (notes.length) lines.push(...notes.map((r) => `- ${r.label}: ${r.note}`), "");
  lines.push("## Revisjoner som ikke er bestått", "");
  for (const r of results) {
    lines.push(`### ${r.label} (\`${r.path}\`)`, "");
    if (r.error) lines.push(`Lighthouse-feil: ${r.error}`, "");
    if (r.failing.length === 0) lines.push("Ingen.", "");
    else {
      for (const f of r.failing) {
        lines.push(`- ${LABELS[f.category as (typeof CATEGORIES)[number]]}: \`${f.id}\` — ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}`);
        lines.push(...f.details.map((d) => `  - ${d.replace(/\|/g, "\\|")}`));
      }
      lines.push("");
    }
  }
  return lines.join("\n");
}

async function main() {
  const external = argValue("--url");
  const base = external ?? `http://localhost:${port}`;
  const server = external ? null : startServer();
  let chrome: Awaited<ReturnType<typeof startChrome>> | null = null;
  try {
    await waitFor(`${base}/api/health`, server, 15 * 60_000);
    chrome = await startChrome();
    const pages = only.length ? only.map((p) => PAGES.find((page) => page.path === p) ?? { path: p, label: p }) : PAGES;
    // Warm up: the first request of each page compiles nothing in production, but fills caches and pools.
    for (const page of pages) await fetch(`${base}${page.path}`).catch(() => {});
    const results: PageResult[] = [];
    for (const page of pages) results.push(await measure(base, chrome.port, page));
    if (jsonFile) {
      writeFileSync(path.resolve(jsonFile), JSON.stringify(fullReports));
      log(`skrev de fullstendige rapportene til ${jsonFile}`);
    }
    if (only.length) {
      // A partial run: the scores are in the log above; docs/lighthouse.md keeps the full run.
      for (const r of results) for (const f of r.failing) log(`${r.path}: ${f.id} — ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}`);
      return;
    }
    const file = path.join(ROOT, "docs", "lighthouse.md");
    // Formatted as `npm run format:check` expects it.
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(report(results, base), { ...options, filepath: file }));
    log(`skrev ${path.relative(ROOT, file)}`);
  } finally {
    if (chrome) {
      const exited = new Promise((r) => chrome!.child.once("exit", r));
      chrome.child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        rmSync(chrome.dir, { recursive: true, force: true });
      } catch {
        // Chrome may still be writing its profile; it is in the system's temporary folder.
      }
    }
    if (server?.pid) {
      // SIGINT to the start script's process group: it stops the web server and deletes the throwaway database.
      try {
        process.kill(-server.pid, "SIGINT");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

main().catch((error) => {
  console.error(`[lighthouse] Feil: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
