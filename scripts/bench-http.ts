/**
 * npm run bench:http — the app under load (issue #15): autocannon against a production build.
 *
 * For each dataset — the seeded 2021 registry, the synthetic national registry and 4 × national
 * (scripts/generate-national-dataset.ts --scale 4) — on a throwaway embedded PostgreSQL, it starts
 * the production server (scripts/serve.ts, as `npm start` runs it; the build of scripts/lib/build.ts, built when missing or stale), warms every endpoint
 * up, then loads each with 20 connections for 15 s: req/s, p50/p95/p99 (time-outs count as 10 s),
 * errors, bytes per answer, the server's peak RSS and the machine's load average. A static file from
 * the same server is measured alone first (the baseline) and again beside the heaviest page. Each
 * load runs in its own autocannon process (scripts/lib/bench-load.ts), as separate browsers would.
 * Pages are asked for as a browser asks (Accept-Encoding too); the server's CPU is reported per run.
 * Writes the section «HTTP load (bench:http)» of docs/benchmarks.md.
 *
 *   npm run bench:http                 all three datasets, 15 s per endpoint (about 15 minutes)
 *   npm run bench:http -- --quick      2021 and national, 5 s per endpoint
 *   npm run bench:http -- --scales 2021,national,4
 * Not part of `npm run bench` (it needs a production build and takes long); run it on its own.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureBuild } from "./lib/build.ts";
import type { LoadOptions, LoadResult } from "./lib/bench-load.ts";
import { defaultTempDataDir, freePort, startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { migrate } from "./lib/migrate.ts";
import { MIGRATIONS_DIR, prepareDatabase, ROOT } from "./lib/prepare.ts";
import { generateNationalDataset } from "./generate-national-dataset.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const scalesArg = args.includes("--scales") ? args[args.indexOf("--scales") + 1] : undefined;
const SCALES = (scalesArg ?? (quick ? "2021,national" : "2021,national,4")).split(",").map((s) => s.trim());
const DURATION = Number(process.env.BENCH_DURATION ?? (quick ? 5 : 15));
const WARMUP = quick ? 2 : 3;
const CONNECTIONS = 20;
const TIMEOUT_S = 10;
const log = (line: string) => console.log(`[bench:http] ${line}`);
/**
 * Pages are asked for as a browser opens them (Accept: text/html, and Accept-Encoding, which every
 * browser sends): that is what is kept in memory, with its gzip copy (lib/http/kept-answers.ts).
 * The API is asked for as a simple script does (no compression), and the static file as in every
 * earlier run (no compression), so the baseline stays comparable.
 */
const BROWSER_HEADERS = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip, deflate, br" };
const requestHeaders = (urlPath: string): Record<string, string> => (urlPath.startsWith("/api/") || urlPath.startsWith("/_next/") ? {} : { ...BROWSER_HEADERS });
/** Linux clock ticks per second (USER_HZ) in /proc/<pid>/stat. */
const CLOCK_TICKS = 100;

/**
 * The server on the first half of the cores, the load generators on the rest (taskset), so the
 * generators' CPU is never taken from the server: alone and beside another load the server has the
 * same cores. The database is left free (pinned to the server's cores, its version query waited
 * behind the busy server and starved the pages; decision 0053). Off with BENCH_PIN=0, or on one
 * core, or without taskset.
 */
const PINNING = ((): { server: string; load: string } | null => {
  const cores = os.cpus().length;
  if (process.env.BENCH_PIN === "0" || cores < 2 || spawnSync("taskset", ["-V"]).status !== 0) return null;
  const half = Math.floor(cores / 2);
  const list = (from: number, to: number) => (from === to - 1 ? String(from) : `${from}-${to - 1}`);
  return { server: list(0, half), load: list(half, cores) };
})();

/** A command on the given cores (taskset), or as it is without pinning. */
function pinned(cores: string | undefined, command: string, args: string[]): [string, string[]] {
  return cores ? ["taskset", ["-c", cores, command, ...args]] : [command, args];
}

interface Sample {
  name: string;
  path: string;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerAnswer: number;
  rssPeakMb: number;
  /** The server's CPU during the run, in cores (1 = one core busy all the time). */
  serverCpu: number;
  load1: number;
  /** Seconds the server and database kept working after the run (requests autocannon gave up on). */
  backlogS?: number;
  /** Size of one answer fetched alone before the run (uncompressed body), whatever happened under load. */
  sizeBytes?: number;
  /** Milliseconds of that first answer: the page rendered (not yet kept in memory, decision 0051). */
  firstMs?: number;
}

interface ScaleResult {
  label: string;
  counts: { municipalities: number; arrangements: number; participations: number };
  samples: Sample[];
  staticIdle: Sample;
  staticBeside: Sample | null;
  /** The heaviest page in the same run as staticBeside. */
  heaviestBeside: Sample | null;
  heaviest: Sample | null;
  rssPeakMb: number;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A process and all its descendants. */
function processTree(rootPid: number): Set<number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  return tree;
}

/** The resident memory of a process and all its descendants, in MB. */
function treeRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

/** CPU clock ticks (user + system) used so far by these process trees. */
function cpuTicks(rootPids: number[]): number {
  let ticks = 0;
  for (const root of rootPids)
    for (const pid of processTree(root)) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone
      }
    }
  return ticks;
}

/**
 * Waits until the server and the database are idle again (under 15 % of one core for two seconds
 * in a row, at most 120 s): requests that autocannon gave up on are still being worked on, and
 * they must not be billed to the next endpoint. Returns the seconds it took.
 */
async function settle(pids: number[]): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let before = cpuTicks(pids);
  while (quiet < 2 && Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuTicks(pids);
    quiet = now - before < 15 ? quiet + 1 : 0;
    before = now;
  }
  return Math.round((Date.now() - started) / 1000);
}

/** One load in its own process (scripts/lib/bench-load.ts), with the server's peak RSS and CPU sampled meanwhile. */
async function load(base: string, name: string, urlPath: string, duration: number, serverPid: number, connections = CONNECTIONS): Promise<Sample> {
  let rssPeak = treeRssMb(serverPid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMb(serverPid))), 500);
  const ticksBefore = cpuTicks([serverPid]);
  const options: LoadOptions = { url: `${base}${urlPath}`, connections, duration, timeoutS: TIMEOUT_S, headers: requestHeaders(urlPath) };
  const child = spawn(...pinned(PINNING?.load, process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/lib/bench-load.ts"), JSON.stringify(options)]), {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(sampler);
  const ticks = cpuTicks([serverPid]) - ticksBefore;
  if (code !== 0) throw new Error(`autocannon mot ${urlPath} stoppet med kode ${code}`);
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as LoadResult;
  const answered = Math.max(1, result.requests);
  return {
    name,
    path: urlPath,
    reqPerSec: result.requests / result.duration,
    p50: quantile(result.latencies, 0.5),
    p95: quantile(result.latencies, 0.95),
    p99: quantile(result.latencies, 0.99),
    requests: result.requests,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerAnswer: Math.round(result.bytes / answered),
    rssPeakMb: rssPeak,
    serverCpu: ticks / CLOCK_TICKS / duration,
    load1: os.loadavg()[0]!,
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("Webserveren svarte ikke på helsesjekken i tide");
}

/** A static file the server sends from disk (a built chunk): the baseline of what the server can do. */
function staticPath(): string {
  const dir = path.join(ROOT, ".next/static/chunks");
  const file = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (!file) throw new Error("Fant ingen statisk fil i .next/static/chunks");
  return `/_next/static/chunks/${file}`;
}

/** Parameters from the data itself: a median municipality, the largest sector, the commonest long word. */
async function pickParameters(url: string): Promise<{ kommune: string; sektor: string; sok: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const kommune = await client.query<{ code: string }>(`
      SELECT c.code FROM "Municipality" m JOIN "MunicipalityCode" c ON c."municipalityId" = m.id AND c."validTo" IS NULL
      LEFT JOIN "Participation" p ON p."municipalityId" = m.id
      WHERE m."inSurveyScope" GROUP BY m.id, c.code ORDER BY count(p.id), m.id`);
    const sektor = await client.query<{ code: string }>(`SELECT s.code FROM "Sector" s JOIN "Arrangement" a ON a."sectorId" = s.id GROUP BY s.code ORDER BY count(*) DESC, s.code LIMIT 1`);
    const sok = await client.query<{ w: string }>(`
      SELECT w FROM (SELECT regexp_split_to_table(lower(name), '[^a-zæøå]+') AS w FROM "Arrangement") x
      WHERE length(w) >= 5 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`);
    return { kommune: kommune.rows[Math.floor(kommune.rows.length / 2)]!.code, sektor: sektor.rows[0]!.code, sok: sok.rows[0]!.w };
  } finally {
    await client.end();
  }
}

async function benchScale(label: string, url: string, counts: ScaleResult["counts"], databasePid: number): Promise<ScaleResult> {
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  const base = `http://127.0.0.1:${port}`;
  const { kommune, sektor, sok } = await pickParameters(url);
  const secret = randomBytes(32).toString("base64url");
  // The production server as `npm start` runs it (scripts/serve.ts: Next.js behind the front that answers kept reads).
  // taskset execs the command, so child.pid is the server's own pid.
  const child = spawn(...pinned(PINNING?.server, process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/serve.ts")]), {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, SAMARBEID_EMBEDDED_DB: "0", NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    await waitForHealth(`${base}/api/health`, child, 90_000);
    const endpoints: [string, string][] = [
      ["Forsiden", "/"],
      ["Ordninger", "/ordninger"],
      ["Ordninger, sektor og søk", `/ordninger?sektor=${encodeURIComponent(sektor)}&sok=${encodeURIComponent(sok)}`],
      ["Kommuneside", `/kommuner/${kommune}`],
      ["Statistikk", "/statistikk"],
      ["Statistikk, fylkesgrenser", "/statistikk/fylkesgrenser"],
      ["Kart", "/kart"],
      ["API: ordninger i en kommune", `/api/v1/ordninger?kommune=${kommune}&antall=100`],
      ["API: statistikk", "/api/v1/statistikk"],
    ];
    const pid = child.pid!;
    const pids = [pid, databasePid];
    const staticFile = staticPath();
    log(`${label}: statisk fil alene (${staticFile})`);
    await load(base, "warm-up", staticFile, WARMUP, pid);
    await settle(pids);
    const staticIdle = await load(base, "Statisk fil (alene)", staticFile, DURATION, pid);
    const samples: Sample[] = [];
    for (const [name, urlPath] of endpoints) {
      log(`${label}: ${name} (${urlPath})`);
      // One answer alone first: its size counts even if every answer under load timed out.
      const firstStart = performance.now();
      const size = await fetch(`${base}${urlPath}`, { signal: AbortSignal.timeout(120_000), headers: requestHeaders(urlPath) })
        .then(async (response) => (await response.arrayBuffer()).byteLength)
        .catch(() => undefined);
      const firstMs = Math.round(performance.now() - firstStart);
      await load(base, "warm-up", urlPath, WARMUP, pid);
      await settle(pids);
      const sample = await load(base, name, urlPath, DURATION, pid);
      const settled = await settle(pids);
      sample.backlogS = settled;
      sample.sizeBytes = size;
      sample.firstMs = firstMs;
      if (settled > 3) log(`  (serveren brukte ${settled} s på å bli ferdig med forespørsler autocannon ga opp)`);
      log(
        `  ${sample.reqPerSec.toFixed(1)} req/s, p50 ${sample.p50} ms, p95 ${sample.p95} ms, ${sample.timeouts} time-outs, ${Math.round(sample.bytesPerAnswer / 1024)} kB, RSS ${sample.rssPeakMb} MB`,
      );
      samples.push(sample);
    }
    // The static file beside the heaviest page (the lowest throughput of the pages), both under load.
    const heaviest = [...samples].filter((s) => !s.path.startsWith("/api/")).sort((a, b) => a.reqPerSec - b.reqPerSec)[0] ?? null;
    let staticBeside: Sample | null = null;
    let heaviestBeside: Sample | null = null;
    if (heaviest) {
      await settle(pids);
      log(`${label}: statisk fil ved siden av ${heaviest.name}`);
      [heaviestBeside, staticBeside] = await Promise.all([
        load(base, `${heaviest.name} (ved siden av den statiske filen)`, heaviest.path, DURATION, pid),
        load(base, "Statisk fil (ved siden av)", staticFile, DURATION, pid),
      ]);
    }
    const rssPeakMb = Math.max(staticIdle.rssPeakMb, ...samples.map((s) => s.rssPeakMb), staticBeside?.rssPeakMb ?? 0);
    return { label, counts, samples, staticIdle, staticBeside, heaviestBeside, heaviest, rssPeakMb };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => {
      child.once("exit", r);
      setTimeout(r, 10_000);
    });
  }
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const kb = (v: number) => `${Math.round(v / 1024)} kB`;

function table(result: ScaleResult): string {
  const rows = [result.staticIdle, ...result.samples, ...(result.heaviestBeside ? [result.heaviestBeside] : []), ...(result.staticBeside ? [result.staticBeside] : [])];
  return [
    "| Endepunkt | req/s | p50 | p95 | p99 | feil / time-outs / ikke-2xx | bytes per svar | svar alene | første svar | CPU server | RSS (topp) | load 1 min | etterslep |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (s) =>
        `| ${s.name} \`${s.path.length > 60 ? `${s.path.slice(0, 57)}…` : s.path}\` | ${s.reqPerSec.toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} / ${s.timeouts} / ${s.non2xx} | ${kb(s.bytesPerAnswer)} | ${s.sizeBytes === undefined ? "–" : kb(s.sizeBytes)} | ${s.firstMs === undefined ? "–" : ms(s.firstMs)} | ${Math.round(s.serverCpu * 100)} % | ${s.rssPeakMb} MB | ${s.load1.toFixed(2)} | ${s.backlogS === undefined ? "–" : `${s.backlogS} s`} |`,
    ),
  ].join("\n");
}

function verdicts(results: ScaleResult[]): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`- ${ok ? "✅" : "❌"} ${text}`);
  const byLabel = new Map(results.map((r) => [r.label, r]));
  const pages = (r: ScaleResult) => r.samples.filter((s) => !s.path.startsWith("/api/"));
  const find = (r: ScaleResult, prefix: string) => r.samples.find((s) => s.path.startsWith(prefix));
  const national = byLabel.get("national");
  const seeded = byLabel.get("2021");
  const x4 = byLabel.get("4");
  if (national) {
    const worst = pages(national).sort((a, b) => b.p95 - a.p95)[0]!;
    check(worst.p95 <= 500, `Nasjonalt: hver offentlige side p95 ≤ 500 ms (verst: ${worst.name} ${ms(worst.p95)})`);
    const api = find(national, "/api/v1/ordninger")!;
    check(api.reqPerSec >= 300 && api.p95 <= 100, `Nasjonalt: liste-API ≥ 300 req/s og p95 ≤ 100 ms (${api.reqPerSec.toFixed(0)} req/s, p95 ${ms(api.p95)})`);
    const stats = find(national, "/api/v1/statistikk")!;
    check(stats.p95 <= 250, `Nasjonalt: /api/v1/statistikk p95 ≤ 250 ms (${ms(stats.p95)})`);
  }
  if (seeded) {
    const worst = pages(seeded).sort((a, b) => b.p95 - a.p95)[0]!;
    check(worst.p95 <= 250, `2021-dataene: hver side p95 ≤ 250 ms (verst: ${worst.name} ${ms(worst.p95)})`);
  }
  if (x4) {
    const timeouts = x4.samples.reduce((sum, s) => sum + s.timeouts, 0);
    check(timeouts === 0, `4 × nasjonalt: ingen time-outs (${timeouts})`);
    if (x4.staticBeside) {
      const share = x4.staticBeside.reqPerSec / Math.max(1, x4.staticIdle.reqPerSec);
      check(share >= 0.5, `4 × nasjonalt: den statiske filen beholder ≥ 50 % av gjennomstrømningen ved siden av ${x4.heaviest?.name} (${Math.round(share * 100)} %)`);
    }
    check(x4.rssPeakMb <= 1024, `4 × nasjonalt: serverens RSS ≤ 1 GB (topp ${x4.rssPeakMb} MB)`);
    if (national)
      for (const prefix of ["/ordninger", "/kommuner/", "/api/v1/ordninger"]) {
        const a = find(national, prefix)!;
        const b = find(x4, prefix)!;
        const ratio = b.p50 / Math.max(1, a.p50);
        check(ratio <= 1.5, `Vekst: ${a.name} ved 4 × innenfor 1,5 × nasjonalt (p50 ${ms(a.p50)} → ${ms(b.p50)}, ${ratio.toFixed(2)} ×)`);
      }
  }
  const size = (s: Sample) => Math.max(s.sizeBytes ?? 0, s.bytesPerAnswer);
  const biggest = results.flatMap((r) => pages(r).map((s) => ({ ...s, label: r.label }))).sort((a, b) => size(b) - size(a))[0];
  if (biggest) check(size(biggest) <= 500 * 1024, `Ingen HTML-side over 500 kB (størst: ${biggest.name}, ${biggest.label}: ${kb(size(biggest))})`);
  return lines;
}

function section(results: ScaleResult[], startLoad: number[], endLoad: number[], started: Date): string {
  const name = (label: string) => (label === "2021" ? "2021-dataene" : label === "national" ? "Nasjonalt syntetisk datasett" : `${label} × nasjonalt`);
  return `<!-- bench:http:start -->
## HTTP load (bench:http)

\`npm run bench:http\`${quick ? " -- --quick" : ""} (scripts/bench-http.ts), kjørt ${started.toISOString().slice(0, 16).replace("T", " ")} UTC: autocannon mot en produksjonsbygg (\`scripts/serve.ts\`, som \`npm start\` kjører den),
${CONNECTIONS} samtidige forbindelser, ${DURATION} s per endepunkt etter ${WARMUP} s oppvarming, time-out ${TIMEOUT_S} s (en time-out teller som ${TIMEOUT_S} s i persentilene).
Hver database er en kastbar innebygd PostgreSQL på samme maskin. Mellom endepunktene venter benchmarken til server og database er i ro igjen
(«etterslep»: sekunder de arbeidet videre med forespørsler autocannon hadde gitt opp), så et tregt endepunkt ikke belaster det neste.
Sidene hentes slik en nettleser åpner dem (\`Accept: text/html\` og \`Accept-Encoding: gzip, deflate, br\`, som alle nettlesere sender); API-et og den statiske filen hentes ukomprimert, som i tidligere kjøringer.
«Bytes per svar» er autocannons snitt per svar slik det gikk over nettet (med headere; sidene Brotli-komprimert); «svar alene» er den ukomprimerte kroppen av ett svar hentet alene før kjøringen, og «første svar» tiden det tok: det er svaret som lages (siden rendres, spørringene kjøres), før det holdes i minnet.
Gjentatte lesinger av samme adresse besvares fra minnet så lenge registeret ikke er endret
(beslutning 0051 og 0052, \`lib/http/kept-answers.ts\`, \`lib/http/front.ts\`): tallene under last er derfor lesinger av en side som allerede er laget; «første svar» viser hva det koster å lage den.
«CPU server» er serverprosessens CPU-bruk under kjøringen (100 % er én kjerne hele tiden).
Den statiske filen (en JavaScript-fil fra \`.next/static\`, fra samme server) er målt alene først, og igjen ved siden av den tyngste siden (den med lavest req/s), begge under last samtidig.
Hver last kjører i sin egen autocannon-prosess, slik separate nettlesere ville: i én felles prosess brukte lesingen av den tyngste sidens svar hele lastgeneratorens tråd (106 % CPU mens serveren brukte 31 %), og da målte benchmarken lastgeneratoren, ikke serveren.
${PINNING ? `Serveren kjører på kjerne ${PINNING.server}, lastgeneratorene på kjerne ${PINNING.load} (\`taskset\`), så lastgeneratorene aldri tar CPU fra serveren: serveren har de samme kjernene alene og ved siden av en annen last. Databasen kan bruke begge kjernene (beslutning 0053).` : "Server og lastgeneratorer deler kjernene (ingen \`taskset\`-fordeling i denne kjøringen)."}

Maskin: ${os.cpus().length} kjerner (${os.cpus()[0]?.model ?? "ukjent"}), ${Math.round(os.totalmem() / 1024 ** 3)} GB minne, Node ${process.version}.
**Maskinen er delt** med andre prosesser under kjøringen; load average (1, 5, 15 min) var ${startLoad.map((v) => v.toFixed(2)).join(", ")} ved start og ${endLoad.map((v) => v.toFixed(2)).join(", ")} ved slutt,
og kolonnen «load 1 min» viser den etter hvert endepunkt. Med mer enn 2 i load konkurrerer serveren om CPU med andre, så tallene er et nedre anslag for hva appen klarer alene.

${results
  .map(
    (r) => `### ${name(r.label)} (${r.counts.municipalities} kommuner, ${r.counts.arrangements} ordninger, ${r.counts.participations} deltakelser)

${table(r)}
`,
  )
  .join("\n")}
### Mål fra issue #15

${verdicts(results).join("\n")}
<!-- bench:http:end -->`;
}

function writeSection(text: string): void {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const updated = existing.includes("<!-- bench:http:start -->") ? existing.replace(/<!-- bench:http:start -->[\s\S]*<!-- bench:http:end -->/, text) : `${existing.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, updated);
}

async function main() {
  const started = new Date();
  const startLoad = os.loadavg();
  ensureBuild(log);
  const dataDir = defaultTempDataDir("samarbeid-bench-http");
  const db = await startEmbeddedDatabase({ dataDir, persistent: false });
  const results: ScaleResult[] = [];
  // The postmaster's pid (first line of postmaster.pid): its tree is the database's CPU.
  const databasePid = Number(readFileSync(path.join(db.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const urlFor = (name: string) => Object.assign(new URL(db.url), { pathname: `/${name}` }).toString();
    for (const scale of SCALES) {
      const dbName = `bench_http_${scale}`;
      await admin.query(`CREATE DATABASE "${dbName}"`);
      const url = urlFor(dbName);
      let counts: ScaleResult["counts"];
      if (scale === "2021") {
        log("Laster 2021-dataene …");
        await prepareDatabase(url);
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const { rows } = await c.query<ScaleResult["counts"]>(
          `SELECT (SELECT count(*) FROM "Municipality")::int AS municipalities, (SELECT count(*) FROM "Arrangement")::int AS arrangements, (SELECT count(*) FROM "Participation")::int AS participations`,
        );
        await c.end();
        counts = rows[0]!;
      } else {
        const factor = scale === "national" ? 1 : Number(scale);
        if (!(factor > 0)) throw new Error(`Ukjent datasett «${scale}» (bruk 2021, national eller et tall)`);
        log(`Lager syntetisk datasett, ${factor} × nasjonalt …`);
        await migrate(url, MIGRATIONS_DIR);
        counts = await generateNationalDataset(url, { scale: factor });
      }
      log(`${scale}: ${counts.municipalities} kommuner, ${counts.arrangements} ordninger, ${counts.participations} deltakelser`);
      results.push(await benchScale(scale, url, counts, databasePid));
      // Written after every dataset, so a long run that is stopped keeps what it measured.
      writeSection(section(results, startLoad, os.loadavg(), started));
      await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    }
    await admin.end();
  } finally {
    await db.stop();
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  }
  writeSection(section(results, startLoad, os.loadavg(), started));
  console.log(`\n${verdicts(results).join("\n")}\n\nSkrevet til docs/benchmarks.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
