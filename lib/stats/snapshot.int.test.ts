import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "../../tests/helpers/database.ts";
import type { StatsQuery } from "./engine/scope";

/**
 * The statistics set runs as two statements on two connections sharing one exported snapshot
 * (docs/decisions/0027): the same results as one statement, and a write committed after the
 * snapshot was taken is seen by neither half.
 */
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

const D: StatsQuery = { asOf: "2021-11-01", scope: { kind: "surveyed" }, countyMapDate: "2024-06-01" };

describe("the statistics set on two connections with one snapshot", () => {
  it("runs the set as one statement per pass, each with only the common CTEs of its pass", async () => {
    const { statisticsSetPassesSqlFor, STATISTIC_DEFINITIONS } = await import("./index");
    const [arrangements, municipalities] = statisticsSetPassesSqlFor(D).map((sql) => sql.text);
    expect(municipalities).toMatch(/\bper_municipality AS \(/);
    expect(municipalities).not.toMatch(/\bscoped_a\b/);
    expect(arrangements).toMatch(/\bscoped_a AS \(/);
    expect(arrangements).not.toMatch(/\bper_municipality\b/);
    // One pass over the participations in each, not the listings' active_p.
    for (const text of [municipalities!, arrangements!]) expect(text).not.toMatch(/\bactive_p\b/);
    const partNames = STATISTIC_DEFINITIONS.flatMap((d) => ("parts" in d ? d.parts.map((p) => p.name) : [d.name]));
    // Ten statistics are one part each; the two task-area composites share the same two parts.
    expect(new Set(partNames).size).toBe(STATISTIC_DEFINITIONS.length);
    expect(partNames.length).toBe(STATISTIC_DEFINITIONS.length + 2);
  });

  it("gives the same results as the set in one statement", async () => {
    const { STATISTIC_DEFINITIONS } = await import("./index");
    const { computeStatisticsSet, computeStatisticsSetInOneStatement } = await import("./engine/runner");
    for (const q of [D, { ...D, asOf: "2023-06-01" }, { ...D, scope: { kind: "all" } } as StatsQuery, { ...D, scope: { kind: "region", slug: "hallingdal", name: "Hallingdal" } } as StatsQuery])
      expect(await computeStatisticsSet(STATISTIC_DEFINITIONS, q), JSON.stringify(q)).toEqual(await computeStatisticsSetInOneStatement(STATISTIC_DEFINITIONS, q));
  });

  it("runs both halves on one connection, same snapshot, when the pool has no free connection", async () => {
    const { pgPool } = await import("@/lib/db");
    const { STATISTIC_DEFINITIONS } = await import("./index");
    const { computeStatisticsSet, computeStatisticsSetInOneStatement } = await import("./engine/runner");
    const expected = await computeStatisticsSetInOneStatement(STATISTIC_DEFINITIONS, D);
    const pool = pgPool();
    const held = await Promise.all(Array.from({ length: (pool.options.max ?? 10) - 1 }, () => pool.connect()));
    try {
      let usedConnections = 0;
      const result = await computeStatisticsSet(STATISTIC_DEFINITIONS, D, {
        afterExport: async () => {
          usedConnections = pool.totalCount - pool.idleCount;
        },
      });
      expect(usedConnections).toBe(pool.options.max ?? 10);
      expect(result).toEqual(expected);
      expect(pool.waitingCount).toBe(0);
    } finally {
      for (const client of held) client.release();
    }
  });

  it("does not show either half a write committed after the snapshot was exported", async () => {
    const { prisma } = await import("@/lib/db");
    const { STATISTIC_DEFINITIONS } = await import("./index");
    const { computeStatisticsSet, computeStatisticsSetInOneStatement } = await import("./engine/runner");
    const before = await computeStatisticsSetInOneStatement(STATISTIC_DEFINITIONS, D);
    // An active arrangement in scope with a host and a task area: ending it changes statistics in both halves.
    const target = await prisma.arrangement.findFirstOrThrow({
      where: {
        endDate: null,
        hostMunicipalityId: { not: null },
        taskAreas: { some: {} },
        participations: { some: { leftOn: null, municipality: { inSurveyScope: true } } },
      },
      orderBy: { name: "asc" },
    });
    let wrote = false;
    const during = await computeStatisticsSet(STATISTIC_DEFINITIONS, D, {
      afterExport: async () => {
        await prisma.arrangement.update({ where: { id: target.id }, data: { endDate: new Date("2021-06-30") } });
        wrote = true;
      },
    });
    expect(wrote).toBe(true);
    const after = await computeStatisticsSetInOneStatement(STATISTIC_DEFINITIONS, D);
    // The write changes at least one statistic of each pass, so each statement is really tested …
    const passes = STATISTIC_DEFINITIONS.map((d) => ("parts" in d ? d.parts.map((p) => p.pass) : [d.pass]));
    for (const pass of ["municipalities", "arrangements"])
      expect(
        STATISTIC_DEFINITIONS.some((_, i) => passes[i]!.length === 1 && passes[i]![0] === pass && JSON.stringify(before[i]) !== JSON.stringify(after[i])),
        pass,
      ).toBe(true);
    // … and neither statement saw it: the answer is wholly from before the write.
    expect(during).toEqual(before);
    // The next request sees it (no cache).
    expect(await computeStatisticsSet(STATISTIC_DEFINITIONS, D)).toEqual(after);
  });
});
