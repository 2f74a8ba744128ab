/**
 * npm run bench:soak [-- --minutes N] — the registry under steady mixed load (issue #14).
 * Starts a throwaway embedded PostgreSQL (migrated, seeded, demo accounts) and the production build
 * (`next start`, built first when stale) on SOAK_PORT (default 5400). For N minutes (default 10):
 * four readers fetch public pages and API answers over HTTP; one writer makes proposals as the Ål
 * editor and approves them as the adviser through the change pipeline (the same mutations the server
 * actions call) on the same database; after every approval the statistics the server answers
 * (/api/v1/statistikk) must equal a fresh computation. Counts errors, records the server's RSS at the
 * start and the end, and writes the section «Soak (bench:soak)» in docs/benchmarks.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ensureDemoAccounts } from "../lib/auth/demo-accounts.ts";
import { MUTATIONS } from "../lib/changes/index.ts";
import { prisma } from "../lib/db.ts";
import { statisticsApiBody } from "../lib/stats/api.ts";
import { parseStatsParams } from "../lib/stats/params.ts";
import { ensureBuild } from "./lib/build.ts";
import { defaultTempDataDir, startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { prepareDatabase, ROOT } from "./lib/prepare.ts";

const args = process.argv.slice(2);
const minutesArg = args.indexOf("--minutes");
const MINUTES = minutesArg >= 0 ? Number(args[minutesArg + 1]) : 10;
const PORT = Number(process.env.SOAK_PORT ?? 5400);
const BASE = `http://127.0.0.1:${PORT}`;
const READERS = 4;
const log = (line: string) => console.log(`[soak] ${line}`);

if (!Number.isFinite(MINUTES) || MINUTES <= 0) {
  console.error("--minutes må være et positivt tall");
  process.exit(1);
}

/** RSS in MB of a process and all its descendants (Linux /proc). */
function rssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const tree = new Set([rootPid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

const READ_PATHS = [
  "/",
  "/ordninger",
  "/ordninger?side=2",
  "/kommuner",
  "/kommuner/3301",
  "/statistikk",
  "/kart",
  "/api/v1/ordninger?antall=20",
  "/api/v1/statistikk",
  "/api/v1/kommuner",
  "/sok?q=legevakt",
];

async function main(): Promise<void> {
  const dataDir = defaultTempDataDir("samarbeid-soak");
  const database = await startEmbeddedDatabase({ dataDir, persistent: false });
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => {
        server!.once("exit", resolve);
        setTimeout(resolve, 15_000);
      });
    }
    await prisma.$disconnect().catch(() => {});
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepareDatabase(database.url);
    await ensureDemoAccounts(database.url);
    process.env.DATABASE_URL = database.url;
    ensureBuild(log);
    server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        AUTH_SECRET: "soak-secret",
        NEXTAUTH_SECRET: "soak-secret",
        NEXTAUTH_URL: BASE,
        SAMARBEID_EMBEDDED_DB: "1",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
      },
    });
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("serveren svarte ikke på /api/health");
      if (
        await fetch(`${BASE}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Warm up every path once before the first RSS reading.
    for (const p of READ_PATHS) await fetch(`${BASE}${p}`).then((r) => r.arrayBuffer());
    const rssStart = rssMb(server.pid!);
    log(`Server klar på ${BASE}; RSS ved start ${rssStart} MB; kjører ${MINUTES} min`);

    const al = await prisma.user.findUniqueOrThrow({ where: { email: "al@demo.samarbeidsregisteret.no" }, include: { municipalities: true } });
    const adviser = await prisma.user.findUniqueOrThrow({ where: { email: "radgiver@demo.samarbeidsregisteret.no" } });
    const alActor = { id: al.id, email: al.email, name: al.name, role: al.role, municipalityIds: al.municipalities.map((m) => m.municipalityId) };
    const adviserActor = { id: adviser.id, email: adviser.email, name: adviser.name, role: adviser.role, municipalityIds: [] };
    const targets = await prisma.arrangement.findMany({ where: { participations: { some: { municipalityId: { in: alActor.municipalityIds } } } }, select: { id: true } });

    const end = Date.now() + MINUTES * 60_000;
    const stats = { reads: 0, readErrors: 0, proposals: 0, approvals: 0, writeErrors: 0, statsChecks: 0, statsMismatches: 0, latencies: [] as number[] };
    const errors: string[] = [];
    const note = (text: string) => errors.length < 20 && errors.push(text);

    const reader = async () => {
      while (Date.now() < end) {
        const p = READ_PATHS[Math.floor(Math.random() * READ_PATHS.length)]!;
        const started = performance.now();
        try {
          const response = await fetch(`${BASE}${p}`);
          await response.arrayBuffer();
          stats.latencies.push(performance.now() - started);
          if (!response.ok) {
            stats.readErrors++;
            note(`GET ${p} → ${response.status}`);
          }
        } catch (error) {
          stats.readErrors++;
          note(`GET ${p} → ${error instanceof Error ? error.message : error}`);
        }
        stats.reads++;
      }
    };

    const writer = async () => {
      for (let n = 1; Date.now() < end; n++) {
        const target = targets[n % targets.length]!;
        const current = await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id }, select: { version: true } });
        const proposed = await MUTATIONS.updateArrangement(alActor, { arrangementId: target.id, baseVersion: current.version, description: `Soak-endring ${n} (${new Date().toISOString()})` });
        if (!proposed.ok || !proposed.changeRequestId) {
          stats.writeErrors++;
          note(`forslag ${n}: ${proposed.ok ? "uten forslag" : proposed.message}`);
          continue;
        }
        stats.proposals++;
        const approved = await MUTATIONS.approveChangeRequest(adviserActor, { changeRequestId: proposed.changeRequestId });
        if (!approved.ok) {
          stats.writeErrors++;
          note(`godkjenning ${n}: ${approved.message}`);
          continue;
        }
        stats.approvals++;
        const served = await fetch(`${BASE}/api/v1/statistikk`).then((r) => r.json() as Promise<unknown>);
        const parsed = await parseStatsParams({});
        if (!parsed.ok) throw new Error(parsed.message);
        const fresh = JSON.parse(JSON.stringify(await statisticsApiBody(parsed.query))) as unknown;
        stats.statsChecks++;
        if (!isDeepStrictEqual(served, fresh)) {
          stats.statsMismatches++;
          note(`statistikk etter godkjenning ${n} avviker fra ny opptelling`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };

    await Promise.all([...Array.from({ length: READERS }, reader), writer()]);
    const rssEnd = rssMb(server.pid!);
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    const q = (x: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))] ?? 0);
    const errorsTotal = stats.readErrors + stats.writeErrors + stats.statsMismatches;
    log(
      `Ferdig: ${stats.reads} lesinger (${stats.readErrors} feil), ${stats.proposals} forslag, ${stats.approvals} godkjenninger (${stats.writeErrors} feil), statistikk ${stats.statsChecks - stats.statsMismatches}/${stats.statsChecks} lik; RSS ${rssStart} → ${rssEnd} MB`,
    );
    for (const e of errors) log(`  ${e}`);

    const section = `## Soak (\`npm run bench:soak\`)

Kjørt ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC i ${MINUTES} minutter mot produksjonsbygget (\`next start\`) på en innebygd PostgreSQL med 2021-registeret.
${READERS} lesere henter offentlige sider og API-svar over HTTP (${READ_PATHS.length} adresser); én skriver sender forslag som redaktør for Ål og godkjenner dem som rådgiver
gjennom endringsløpet (de samme mutasjonene som server actions kaller) i samme database, og sammenligner etter hver godkjenning
\`/api/v1/statistikk\` fra serveren med en ny opptelling.

| Mål | Resultat |
| --- | --- |
| Lesinger | ${stats.reads} (${stats.readErrors} feil), p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms |
| Forslag / godkjenninger | ${stats.proposals} / ${stats.approvals} (${stats.writeErrors} feil) |
| Statistikk lik ny opptelling etter godkjenning | ${stats.statsChecks - stats.statsMismatches} av ${stats.statsChecks} |
| Feil totalt | ${errorsTotal} |
| RSS (server med barneprosesser) | ${rssStart} MB ved start, ${rssEnd} MB ved slutt |

Maskin: ${os.cpus()[0]?.model ?? "ukjent"} (${os.cpus().length} kjerner, delt med andre prosesser), Node ${process.version}.
${errors.length ? `\nFeil (de første ${errors.length}):\n\n${errors.map((e) => `- ${e}`).join("\n")}\n` : ""}`;
    writeSection(section);
    await stop();
    process.exit(errorsTotal === 0 ? 0 : 1);
  } catch (error) {
    console.error("[soak] Feil:", error);
    await stop();
    process.exit(1);
  }
}

/** Replaces (or appends) the soak section of docs/benchmarks.md, leaving every other section as it is. */
function writeSection(section: string): void {
  const file = path.join(ROOT, "docs/benchmarks.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Ytelsesmålinger\n";
  const start = text.indexOf("## Soak (");
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf("\n## ", start + 1);
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? "" : `\n${text.slice(next + 1)}`}`);
}

void main();
