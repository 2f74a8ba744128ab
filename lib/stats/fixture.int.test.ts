import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureRegistry } from "./testing/fixture";
import type { StatsQuery } from "./engine/scope";

/** Every statistic on a hand-made registry where each answer can be counted by hand (see testing/fixture.ts). */
let db: { url: string; drop(): Promise<void> };
let stats: typeof import("./index") &
  typeof import("./arrangements-per-municipality") &
  typeof import("./host-responsibility") &
  typeof import("./geographic-level") &
  typeof import("./establishment") &
  typeof import("./cross-county") &
  typeof import("./task-area-participation") &
  typeof import("./service-structure") &
  typeof import("./legal-forms") &
  typeof import("./sectors") &
  typeof import("./staffing") &
  typeof import("./scope-totals");

beforeAll(async () => {
  db = await createFixtureRegistry();
  process.env.DATABASE_URL = db.url;
  stats = Object.assign(
    {},
    await import("./index"),
    await import("./arrangements-per-municipality"),
    await import("./host-responsibility"),
    await import("./geographic-level"),
    await import("./establishment"),
    await import("./cross-county"),
    await import("./task-area-participation"),
    await import("./service-structure"),
    await import("./legal-forms"),
    await import("./sectors"),
    await import("./staffing"),
    await import("./scope-totals"),
  );
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

const surveyed = (asOf: string): StatsQuery => ({ asOf, scope: { kind: "surveyed" }, countyMapDate: "2024-06-01" });
const D = surveyed("2021-11-01");

describe("as-of rules", () => {
  it("counts arrangements established by the day and not ended, with participations valid that day", async () => {
    expect(await stats.scopeTotals(D)).toEqual({ arrangements: 4, municipalities: 3, participations: 7 });
    // 2021-01-01: a3 (ended 2021-06-30) still runs.
    expect((await stats.scopeTotals(surveyed("2021-01-01"))).arrangements).toBe(5);
    // 2021-11-02: B left a4 on 2021-11-01 (inclusive), so a4 has no participant in scope any more.
    expect((await stats.scopeTotals(surveyed("2021-11-02"))).arrangements).toBe(3);
    // 2023-06-01: a6 (2023) exists, C has joined a5.
    expect((await stats.scopeTotals(surveyed("2023-06-01"))).arrangements).toBe(4);
  });

  it("limits to a region or takes every municipality", async () => {
    const vest = await stats.scopeTotals({ ...D, scope: { kind: "region", slug: "vest", name: "Vestregionen" } });
    expect(vest).toEqual({ arrangements: 4, municipalities: 2, participations: 6 });
    const all = await stats.scopeTotals({ ...D, scope: { kind: "all" } });
    expect(all).toEqual({ arrangements: 4, municipalities: 5, participations: 9 });
  });
});

describe("arrangementsPerMunicipality", () => {
  it("counts per municipality with host role, codes and population", async () => {
    const rows = await stats.arrangementsPerMunicipality(D);
    expect(rows.map((r) => [r.slug, r.arrangements, r.hosts, r.assisted, r.withoutHost])).toEqual([
      ["a", 3, 1, 1, 1],
      ["b", 3, 0, 3, 0],
      ["c", 1, 1, 0, 0],
    ]);
    const a = rows[0]!;
    expect([a.code, a.code2021, a.population, a.populationYear]).toEqual(["3001", "3001", 3000, 2021]);
    expect((await stats.arrangementsPerMunicipality(surveyed("2024-02-01")))[0]!.code).toBe("3301");
  });

  it("gives the mean overall and by population class", async () => {
    const summary = stats.summarizeArrangementsPerMunicipality(await stats.arrangementsPerMunicipality(D));
    expect(summary.mean).toBeCloseTo(7 / 3);
    expect(summary.byPopulationClass.map((c) => [c.key, c.municipalities, c.mean])).toEqual([
      ["under-5000", 1, 3],
      ["5000-15000", 1, 3],
      ["over-15000", 1, 1],
    ]);
    expect([summary.min?.slug, summary.max?.slug]).toEqual(["c", "b"]);
  });
});

describe("hostResponsibility", () => {
  it("sorts by hosting and finds hosts outside the scope", async () => {
    expect((await stats.hostResponsibilityByMunicipality(D)).map((r) => r.slug)).toEqual(["a", "c", "b"]);
    expect(await stats.hostSummary(D)).toEqual({
      arrangements: 4,
      withHost: 3,
      hostedInside: 2,
      hostedOutside: 1,
      hostsOutside: [{ slug: "y", name: "Yby", arrangements: 1 }],
    });
    const vest = await stats.hostSummary({ ...D, scope: { kind: "region", slug: "vest", name: "Vestregionen" } });
    expect(vest.hostsOutside.map((h) => h.slug).sort()).toEqual(["c", "y"]);
  });
});

describe("arrangementsByGeographicLevel", () => {
  it("uses max(active named participants, printed member count), counting those outside the scope", async () => {
    expect(await stats.arrangementsByGeographicLevel(D)).toEqual({ local: 1, regional: 1, higher: 1, single: 1, total: 4 });
    // 2022-06-01: C has joined a5 (2 members → local); a4 only has Y left, no participant in scope.
    expect(await stats.arrangementsByGeographicLevel(surveyed("2022-06-01"))).toEqual({ local: 2, regional: 1, higher: 0, single: 0, total: 3 });
  });
});

describe("establishment", () => {
  it("puts known years and wholly-contained periods into the report's periods", async () => {
    const periods = Object.fromEntries((await stats.arrangementsByEstablishmentPeriod(D)).map((p) => [p.key, p.arrangements]));
    expect(periods).toEqual({ "2015-": 2, "2000-2014": 1, "before-2000": 0, unspecified: 1, "period-only": 0, "not-registered": 0 });
    expect(await stats.arrangementsPerEstablishmentYear(D)).toEqual([
      { year: 2010, arrangements: 1 },
      { year: 2021, arrangements: 1 },
    ]);
    expect((await stats.newArrangementsInPeriod(D, 2015, 2021)).map((a) => a.slug)).toEqual(["a5", "a2"]);
    expect(await stats.STATISTICS.find((s) => s.name === "newArrangements")!.compute(D)).toBe(2);
    expect((await stats.arrangementsByEstablishmentPeriod(surveyed("2021-01-01"))).find((p) => p.key === "before-2000")?.arrangements).toBe(1);
  });
});

describe("crossCountyArrangements", () => {
  it("decides crossings on the county map and groups them by the other counties", async () => {
    const result = await stats.crossCountyArrangements(D);
    expect(result.total).toBe(2);
    expect(result.arrangements.map((a) => [a.slug, a.counties, a.group])).toEqual([
      ["a2", ["Buskerud", "Innlandet", "Telemark"], "other"],
      ["a4", ["Akershus", "Buskerud"], "akershus-oslo"],
    ]);
    const { arrangements, ...aggregate } = result;
    expect(await stats.crossCountySummary(D)).toEqual(aggregate);
    // On the 2020–2023 map all five lie in Viken, so nothing crosses.
    expect((await stats.crossCountyArrangements({ ...D, countyMapDate: "2021-11-01" })).total).toBe(0);
    expect((await stats.crossCountySummary({ ...D, countyMapDate: "2021-11-01" })).total).toBe(0);
  });

  it("classifies like Tabell 2.4–2.7", () => {
    expect(stats.classifyCrossing(["Buskerud", "Telemark"])).toEqual({ group: "vestfold-og-telemark", detail: "telemark" });
    expect(stats.classifyCrossing(["Buskerud", "Telemark", "Vestfold"])).toEqual({ group: "vestfold-og-telemark", detail: "both" });
    expect(stats.classifyCrossing(["Akershus", "Innlandet"]).group).toBe("innlandet");
    expect(stats.classifyCrossing(["Akershus", "Buskerud", "Oslo"]).group).toBe("akershus-oslo");
    expect(stats.classifyCrossing(["Buskerud", "Vestland"]).group).toBe("other");
  });
});

describe("task areas and service structure", () => {
  it("counts municipalities in scope per task area", async () => {
    const rows = await stats.participationByTaskArea(D);
    expect(rows.map((r) => [r.slug, r.municipalities, Math.round(r.percent!), r.arrangements])).toEqual([
      ["barnevern", 2, 67, 1],
      ["ppt", 3, 100, 1],
    ]);
  });

  it("counts municipalities solving a task alone and distinct joint services", async () => {
    const rows = await stats.serviceStructureByTaskArea(D);
    const bv = rows.find((r) => r.taskArea === "barnevern")!;
    expect([bv.services, bv.municipal, bv.intermunicipal, bv.reportTask]).toEqual([2, 1, 1, "Barneverntjenester"]);
    const pp = rows.find((r) => r.taskArea === "ppt")!;
    expect([pp.services, pp.municipal, pp.intermunicipal]).toEqual([1, 0, 1]);
  });
});

describe("legal forms and sectors", () => {
  it("counts every legal form of the catalogue and the unregistered", async () => {
    expect((await stats.legalFormDistribution(D)).map((r) => [r.code, r.arrangements, r.inferred])).toEqual([
      ["HOST_ADMIN", 1, 1],
      ["IKS", 1, 0],
      [null, 2, 0],
    ]);
  });

  it("counts per sector in sort order", async () => {
    expect((await stats.sectorDistribution(D)).map((r) => [r.code, r.arrangements])).toEqual([
      ["ADMIN", 2],
      ["HEALTH", 2],
    ]);
  });
});

describe("staffing", () => {
  it("takes the latest record up to the day's year and flags small child welfare teams", async () => {
    const tables = await stats.staffingTables(D);
    expect(tables.childWelfare.map((r) => [r.slug, r.fte])).toEqual([["a1", 4]]);
    expect(tables.smallChildWelfare.map((r) => r.slug)).toEqual(["a1"]);
    expect(tables.ppt.map((r) => [r.slug, r.fte, r.year])).toEqual([["a2", 7.5, 2021]]);
    const in2020 = await stats.staffingTables(surveyed("2020-12-31"));
    expect(in2020.ppt.map((r) => [r.slug, r.fte, r.year])).toEqual([["a2", 6, 2020]]);
  });
});

describe("STATISTICS", () => {
  it("runs every registered statistic", async () => {
    for (const statistic of [...stats.STATISTICS, ...stats.LISTINGS]) await expect(statistic.compute(D), statistic.name).resolves.toBeDefined();
  });
});

describe("statisticsSet", () => {
  it("gives the same results in one statement as each statistic alone", async () => {
    for (const asOf of ["2021-01-01", "2021-11-01", "2023-06-01"]) {
      const q = surveyed(asOf);
      const set = await stats.statisticsSet(q);
      for (const statistic of stats.STATISTICS) expect(set[statistic.name], `${asOf} ${statistic.name}`).toEqual(await statistic.compute(q));
    }
  });
});

/** Runs SQL on the fixture database directly (for rows the application itself would refuse or never write). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL rows in a test, destructured by the statement that wrote them
async function withClient<T>(work: (q: (sql: string, values?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await work(async (sql, values = []) => (await client.query(sql, values)).rows);
  } finally {
    await client.end();
  }
}

describe("one valid participation per municipality and arrangement on a day", () => {
  const count = async (asOf: string, slug: string) => (await stats.arrangementsPerMunicipality(surveyed(asOf))).find((m) => m.slug === slug)!.arrangements;

  it("counts a municipality that left and joined again once, and only while it takes part", async () => {
    const before = { d: await count("2021-11-01", "b"), gap: await count("2022-06-01", "b"), back: await count("2024-06-01", "b") };
    await withClient(async (q) => {
      const [{ id }] = await q(`SELECT id FROM "Arrangement" WHERE slug = 'a4'`);
      const [{ id: b }] = await q(`SELECT id FROM "Municipality" WHERE slug = 'b'`);
      // B left a4 on 2021-11-01 and joins again on 2024-01-01.
      await q(`INSERT INTO "Participation" ("arrangementId", "municipalityId", "joinedOn") VALUES ($1, $2, '2024-01-01')`, [id, b]);
      try {
        expect(await count("2021-11-01", "b")).toBe(before.d);
        expect(await count("2022-06-01", "b")).toBe(before.gap);
        expect(await count("2024-06-01", "b")).toBe(before.back + 1);
        // a4 (B + Y, 12 members printed) is in scope again, once: the set agrees with each statistic alone.
        const q2024 = surveyed("2024-06-01");
        const set = await stats.statisticsSet(q2024);
        for (const statistic of stats.STATISTICS) expect(set[statistic.name], statistic.name).toEqual(await statistic.compute(q2024));
        // From 2022-06-01 to 2024-06-01: a6 (2023) brings C, and B is back in a4.
        expect((await stats.scopeTotals(q2024)).participations).toBe((await stats.scopeTotals({ ...q2024, asOf: "2022-06-01" })).participations + 2);
      } finally {
        await q(`DELETE FROM "Participation" WHERE "arrangementId" = $1 AND "municipalityId" = $2 AND "joinedOn" = '2024-01-01'`, [id, b]);
      }
    });
  });

  it("is guaranteed by the database: an overlapping participation is refused", async () => {
    await withClient(async (q) => {
      const [{ id }] = await q(`SELECT id FROM "Arrangement" WHERE slug = 'a4'`);
      const [{ id: b }] = await q(`SELECT id FROM "Municipality" WHERE slug = 'b'`);
      const insert = (joinedOn: string | null, leftOn: string | null) =>
        q(`INSERT INTO "Participation" ("arrangementId", "municipalityId", "joinedOn", "leftOn") VALUES ($1, $2, $3, $4) RETURNING id`, [id, b, joinedOn, leftOn]);
      // B's participation runs until 2021-11-01 inclusive: joining again that day, or open-ended, overlaps.
      await expect(insert("2021-11-01", null)).rejects.toMatchObject({ code: "23P01", constraint: "participation_no_overlap" });
      await expect(insert(null, null)).rejects.toMatchObject({ code: "23P01" });
      const [{ id: rejoined }] = await insert("2021-11-02", null);
      try {
        await expect(q(`UPDATE "Participation" SET "joinedOn" = '2021-10-01' WHERE id = $1`, [rejoined])).rejects.toMatchObject({ code: "23P01" });
      } finally {
        await q(`DELETE FROM "Participation" WHERE id = $1`, [rejoined]);
      }
    });
  });
});

describe("task areas beyond the 64-bit mask", () => {
  it("are counted the plain way, with the same answers as task areas inside the mask", async () => {
    await withClient(async (q) => {
      // 70 more task areas: the last ones get bit numbers 64 and up.
      const extra = await q(`INSERT INTO "TaskArea" (slug, name, "sortOrder") SELECT 'extra-' || i, 'Ekstra ' || i, 100 + i FROM generate_series(1, 70) i RETURNING id, slug`);
      try {
        const [inside, beyond] = [extra.find((t) => t.slug === "extra-1")!, extra.find((t) => t.slug === "extra-70")!];
        for (const t of [inside, beyond]) await q(`INSERT INTO "ArrangementTaskArea" ("arrangementId", "taskAreaId") SELECT id, $1 FROM "Arrangement" WHERE slug IN ('a1', 'a2', 'a6')`, [t.id]);
        const rows = await stats.participationByTaskArea(D);
        const pick = (slug: string) => rows.find((r) => r.slug === slug)!;
        // On 2021-11-01: a1 (A, B) and a2 (A, B, C, X) are active, a6 (2023) is not: A, B and C of three, two arrangements.
        expect([pick("extra-70").municipalities, pick("extra-70").arrangements]).toEqual([3, 2]);
        expect(pick("extra-70")).toEqual({ ...pick("extra-1"), slug: "extra-70", name: "Ekstra 70", sortOrder: 170 });
        const structure = await stats.serviceStructureByTaskArea(D);
        expect(structure.find((r) => r.taskArea === "extra-70")).toMatchObject({ municipal: 0, intermunicipal: 2, services: 2 });
        expect(await stats.statisticsSet(D)).toEqual(await stats.statisticsSetInOneStatement(D));
      } finally {
        await q(`DELETE FROM "ArrangementTaskArea" WHERE "taskAreaId" IN (SELECT id FROM "TaskArea" WHERE slug LIKE 'extra-%')`);
        await q(`DELETE FROM "TaskArea" WHERE slug LIKE 'extra-%'`);
      }
    });
  });
});
