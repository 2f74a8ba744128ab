/**
 * A synthetic national-scale registry for benchmarks: 357 municipalities in 15 counties and ~60
 * regions, ~3 600 arrangements, ~18 000 participations, with the same shape as the 2021 data
 * (geographic levels about 47/40/13 %, some cross-county, establishment years, ended arrangements,
 * joined/left dates, hosts, task areas, staffing). Deterministic (seeded PRNG).
 *
 *   npx tsx scripts/generate-national-dataset.ts <DATABASE_URL> [--scale N]   (an empty, migrated database)
 * `--scale N` (or `scale` in the options) multiplies municipalities and arrangements by N, keeping the
 * shape per municipality: 4 × national is 1 428 municipalities and 14 400 arrangements.
 * The benchmark (scripts/bench-stats.ts) calls generateNationalDataset() on its own throwaway database.
 */
import pg from "pg";
import { loadDataset } from "../seed/load.ts";

export interface NationalDatasetOptions {
  municipalities?: number;
  arrangements?: number;
  seed?: number;
  /** Multiplies the default sizes (municipalities and arrangements); 1 = national. */
  scale?: number;
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTIES = [
  ["03", "Oslo"],
  ["31", "Østfold"],
  ["32", "Akershus"],
  ["33", "Buskerud"],
  ["34", "Innlandet"],
  ["39", "Vestfold"],
  ["40", "Telemark"],
  ["42", "Agder"],
  ["11", "Rogaland"],
  ["46", "Vestland"],
  ["15", "Møre og Romsdal"],
  ["50", "Trøndelag"],
  ["18", "Nordland"],
  ["55", "Troms"],
  ["56", "Finnmark"],
] as const;

async function insert(client: pg.Client, table: string, rows: Record<string, unknown>[], returning?: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  if (rows.length === 0) return out;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.floor(30000 / columns.length);
  for (let i = 0; i < rows.length; i += chunk) {
    const values: unknown[] = [];
    const tuples = rows.slice(i, i + chunk).map((row) => `(${columns.map((c) => (values.push(row[c] ?? null), `$${values.length}`)).join(", ")})`);
    const result = await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}${returning ? ` RETURNING ${returning}` : ""}`, values);
    out.push(...result.rows);
  }
  return out;
}

export async function generateNationalDataset(databaseUrl: string, options: NationalDatasetOptions = {}) {
  const scale = options.scale ?? 1;
  const municipalityCount = options.municipalities ?? Math.round(357 * scale);
  const arrangementCount = options.arrangements ?? Math.round(3600 * scale);
  const random = mulberry32(options.seed ?? 2021);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const catalogue = loadDataset();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const now = new Date();
    const counties = await insert(
      client,
      "County",
      COUNTIES.map(([number, name]) => ({ key: `${name.toLowerCase().replace(/[^a-zæøå]/g, "-")}-2024`, number, name, validFrom: "2024-01-01", validTo: null })),
      "id",
    );
    const regionCount = Math.ceil(municipalityCount / 6);
    const regions = await insert(
      client,
      "Region",
      Array.from({ length: regionCount }, (_, i) => ({ slug: `region-${i + 1}`, name: `Region ${i + 1}` })),
      "id",
    );
    // Municipalities in region order; each region lies in one county, so neighbours share county and region.
    const municipalityRows = Array.from({ length: municipalityCount }, (_, i) => ({
      slug: `kommune-${i + 1}`,
      name: `Kommune ${i + 1}`,
      inSurveyScope: true,
      regionId: regions[Math.floor(i / 6)]!.id,
      updatedAt: now,
    }));
    const municipalities = (await insert(client, "Municipality", municipalityRows, "id")).map((r) => r.id as number);
    const countyOf = (index: number) => counties[Math.floor((Math.floor(index / 6) * COUNTIES.length) / regionCount)]!.id;
    await insert(
      client,
      "MunicipalityCounty",
      municipalities.map((id, i) => ({ municipalityId: id, countyId: countyOf(i), validFrom: "2024-01-01", validTo: null })),
    );
    await insert(
      client,
      "MunicipalityCode",
      municipalities.map((id, i) => ({ municipalityId: id, code: String(1000 + i).padStart(4, "0"), validFrom: "2020-01-01", validTo: null })),
    );
    await insert(
      client,
      "Population",
      municipalities.map((id) => ({ municipalityId: id, year: 2021, count: Math.round(Math.exp(7 + random() * 5)) })),
    );
    const sectors = await insert(
      client,
      "Sector",
      catalogue.sectors.map((s) => ({ code: s.code, name: s.name, sortOrder: s.sortOrder })),
      "id",
    );
    const taskAreas = await insert(
      client,
      "TaskArea",
      catalogue.taskAreas.map((t) => ({ slug: t.slug, name: t.name, sortOrder: t.sortOrder, sectorId: null })),
      "id",
    );
    const legalForms = await insert(
      client,
      "LegalForm",
      catalogue.legalForms.map((l) => ({ code: l.code, name: l.name, legalBasis: l.legalBasis, description: null, counted: l.counted, outdated: l.outdated })),
      "id",
    );

    type Plan = { members: number[]; host: number | null };
    const plans: Plan[] = [];
    const arrangementRows = Array.from({ length: arrangementCount }, (_, i) => {
      const r = random();
      const size = r < 0.47 ? 2 + Math.floor(random() * 2) : r < 0.87 ? 4 + Math.floor(random() * 5) : 9 + Math.floor(random() * 10);
      const start = Math.floor(random() * municipalityCount);
      const members = new Set<number>();
      // Mostly neighbours (same region and county); sometimes one from elsewhere (cross-county).
      for (let k = 0; members.size < size && k < size * 4; k++) {
        const far = random() < 0.1;
        const index = far ? Math.floor(random() * municipalityCount) : Math.min(municipalityCount - 1, Math.max(0, start + Math.floor((random() - 0.5) * Math.max(6, size * 1.5))));
        members.add(index);
      }
      const memberIds = [...members].map((index) => municipalities[index]!);
      plans.push({ members: memberIds, host: random() < 0.75 ? memberIds[0]! : null });
      const y = random();
      return {
        slug: `ordning-${i + 1}`,
        name: `Ordning ${i + 1}`,
        sectorId: pick(sectors).id,
        legalFormId: random() < 0.97 ? pick(legalForms).id : null,
        hostMunicipalityId: plans[i]!.host,
        establishedYear: y < 0.6 ? 1950 + Math.floor(random() * 75) : null,
        establishedPeriodFrom: y >= 0.6 && y < 0.75 ? 2015 : null,
        establishedPeriodTo: y >= 0.6 && y < 0.75 ? 2021 : null,
        establishedUnspecified: y >= 0.75 && y < 0.95,
        endDate: random() < 0.05 ? `20${10 + Math.floor(random() * 15)}-12-31` : null,
        statedParticipantCount: random() < 0.02 ? size + 5 : null,
        updatedAt: now,
      };
    });
    const arrangements = (await insert(client, "Arrangement", arrangementRows, "id")).map((r) => r.id as number);
    await insert(
      client,
      "Participation",
      arrangements.flatMap((id, i) =>
        plans[i]!.members.map((municipalityId) => ({
          arrangementId: id,
          municipalityId,
          role: "MEMBER",
          joinedOn: random() < 0.05 ? `20${15 + Math.floor(random() * 10)}-01-01` : null,
          leftOn: random() < 0.03 ? `20${18 + Math.floor(random() * 8)}-12-31` : null,
        })),
      ),
    );
    await insert(
      client,
      "ArrangementTaskArea",
      arrangements.flatMap((id) => {
        const areas = new Set([pick(taskAreas).id, ...(random() < 0.3 ? [pick(taskAreas).id] : [])]);
        return [...areas].map((taskAreaId) => ({ arrangementId: id, taskAreaId }));
      }),
    );
    await insert(
      client,
      "StaffingRecord",
      arrangements
        .filter(() => random() < 0.2)
        .flatMap((id) => [
          { arrangementId: id, year: 2020, fte: Math.round(random() * 300) / 10, source: "syntetisk" },
          { arrangementId: id, year: 2021, fte: Math.round(random() * 300) / 10, source: "syntetisk" },
        ]),
    );
    await insert(
      client,
      "Provenance",
      arrangements.filter(() => random() < 0.5).map((id) => ({ arrangementId: id, field: "legalForm", source: "syntetisk", confidence: "INFERRED", note: null })),
    );
    await insert(
      client,
      "ReportBaseline",
      Object.entries(catalogue.baseline ?? {})
        .filter(([key]) => key !== "source")
        .map(([key, value]) => ({ key, source: "NIVI 2021", data: JSON.stringify(value) })),
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const { rows } = await client.query<{ a: number; p: number; m: number }>(
      `SELECT (SELECT count(*) FROM "Arrangement")::int AS a, (SELECT count(*) FROM "Participation")::int AS p, (SELECT count(*) FROM "Municipality")::int AS m`,
    );
    return { municipalities: rows[0]!.m, arrangements: rows[0]!.a, participations: rows[0]!.p };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf("--scale");
  const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
  const url = args.find((a, i) => !a.startsWith("--") && (scaleAt < 0 || i !== scaleAt + 1)) ?? process.env.DATABASE_URL;
  if (!url || !(scale > 0)) {
    console.error("Bruk: npx tsx scripts/generate-national-dataset.ts <DATABASE_URL> [--scale N] (en tom, migrert database; N > 0)");
    process.exit(1);
  } else {
    const counts = await generateNationalDataset(url, { scale });
    console.log(`Syntetisk nasjonalt datasett: ${counts.municipalities} kommuner, ${counts.arrangements} ordninger, ${counts.participations} deltakelser`);
  }
}
