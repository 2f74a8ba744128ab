import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { isArrangementActiveOn, isParticipationActiveOn } from "@/lib/domain/activity";

/**
 * The map's graph in SQL (lib/map/graph.ts) against the same graph computed another way: every
 * arrangement and participation loaded through Prisma, filtered with the TypeScript twins of the
 * SQL rules (lib/domain/activity.ts), and paired in JavaScript.
 */
let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

const DATES = ["2021-11-01", "2015-06-30", "2026-11-30"];

/** Pairs "a-b" (a < b) → shared active arrangement ids, over all municipalities or only some. */
async function pairsInJavaScript(date: string, options: { only?: Set<number>; taskAreaSlug?: string } = {}) {
  const { prisma } = await import("@/lib/db");
  const arrangements = await prisma.arrangement.findMany({
    select: { id: true, establishedYear: true, establishedPeriodFrom: true, endDate: true, taskAreas: { select: { taskArea: { select: { slug: true } } } }, participations: true },
  });
  const pairs = new Map<string, Set<number>>();
  for (const a of arrangements) {
    if (!isArrangementActiveOn(a, date)) continue;
    if (options.taskAreaSlug && !a.taskAreas.some((t) => t.taskArea.slug === options.taskAreaSlug)) continue;
    const ids = [...new Set(a.participations.filter((p) => isParticipationActiveOn(p, date)).map((p) => p.municipalityId))].filter((id) => !options.only || options.only.has(id)).sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}-${ids[j]}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(a.id));
      }
  }
  return pairs;
}

describe("the map's graph in SQL", () => {
  it.each(DATES)("on %s: pairs and weights among the 25 equal a count in JavaScript", async (date) => {
    const { graphPairs, municipalitiesWhere } = await import("./graph");
    const scope = await municipalitiesWhere({ surveyed: true });
    expect(scope).toHaveLength(25);
    const expected = await pairsInJavaScript(date, { only: new Set(scope.map((m) => m.id)) });
    const actual = await graphPairs(
      { date },
      scope.map((m) => m.id),
    );
    expect(actual.length).toBeGreaterThan(100);
    expect(Object.fromEntries(actual.map((p) => [`${p.a}-${p.b}`, p.weight]))).toEqual(Object.fromEntries([...expected].map(([key, ids]) => [key, ids.size])));
  });

  it("filtered by task area (legevakt) and sector the weights still agree", async () => {
    const { prisma } = await import("@/lib/db");
    const { graphPairs, municipalitiesWhere } = await import("./graph");
    const scope = await municipalitiesWhere({ surveyed: true });
    const legevakt = await prisma.taskArea.findUniqueOrThrow({ where: { slug: "legevakt" } });
    const expected = await pairsInJavaScript("2021-11-01", { only: new Set(scope.map((m) => m.id)), taskAreaSlug: "legevakt" });
    const actual = await graphPairs(
      { date: "2021-11-01", taskAreaIds: [legevakt.id] },
      scope.map((m) => m.id),
    );
    expect(actual.length).toBeGreaterThan(0);
    expect(Object.fromEntries(actual.map((p) => [`${p.a}-${p.b}`, p.weight]))).toEqual(Object.fromEntries([...expected].map(([key, ids]) => [key, ids.size])));
    const health = await prisma.sector.findUniqueOrThrow({ where: { code: "HEALTH" } });
    const all = await graphPairs(
      { date: "2021-11-01" },
      scope.map((m) => m.id),
    );
    const healthOnly = await graphPairs(
      { date: "2021-11-01", sectorId: health.id },
      scope.map((m) => m.id),
    );
    const weightOf = new Map(all.map((p) => [`${p.a}-${p.b}`, p.weight]));
    expect(healthOnly.length).toBeGreaterThan(0);
    for (const p of healthOnly) expect(p.weight).toBeLessThanOrEqual(weightOf.get(`${p.a}-${p.b}`)!);
  });

  it("the ego network of Ål holds only links involving Ål, with the shared arrangements of each", async () => {
    const { prisma } = await import("@/lib/db");
    const { egoNetwork } = await import("./graph");
    const al = await prisma.municipality.findUniqueOrThrow({ where: { slug: "al" } });
    const date = "2021-11-01";
    const ego = await egoNetwork({ date }, al.id);
    const expected = new Map(
      [...(await pairsInJavaScript(date))]
        .filter(([key]) => key.split("-").map(Number).includes(al.id))
        .map(([key, ids]) => [
          key
            .split("-")
            .map(Number)
            .find((id) => id !== al.id)!,
          ids,
        ]),
    );
    expect(ego.links.length).toBeGreaterThan(5);
    expect(ego.links.every((l) => l.partnerId !== al.id)).toBe(true);
    expect(new Map(ego.links.map((l) => [l.partnerId, new Set(l.arrangements.map((a) => a.id))]))).toEqual(expected);
    expect(ego.links.map((l) => l.arrangements.length)).toEqual([...ego.links.map((l) => l.arrangements.length)].sort((x, y) => y - x));
  });

  it("the page model: Ål chosen draws only Ål's links; the default draws the 25 with a readable number of links, a full matrix and the report's small maps", async () => {
    const { loadMapView } = await import("./view");
    const chosen = await loadMapView({ kommune: "al", dato: "2021-11-01" });
    expect(chosen.ego?.name).toBe("Ål");
    expect(chosen.drawing.nodes[chosen.drawing.selected]![1]).toBe("Ål");
    expect(chosen.drawing.links.every(([a, b]) => a === chosen.drawing.selected || b === chosen.drawing.selected)).toBe(true);
    expect(chosen.drawing.nodes).toHaveLength(chosen.ego!.partners.length + 1);
    const hol = chosen.ego!.partners.find((p) => p.name === "Hol")!;
    expect(hol.shared.length).toBeGreaterThan(10);
    expect(hol.shared.map((i) => chosen.ego!.arrangements[i]![0])).toContain("ovre-hallingdal-legevakt");

    const view = await loadMapView({ dato: "2021-11-01" });
    expect(view.problems).toEqual([]);
    expect(view.drawing.nodes).toHaveLength(25);
    expect(view.drawing.links.length).toBeLessThanOrEqual(60);
    expect(view.drawing.links.every(([, , w]) => w >= view.links.minWeight)).toBe(true);
    expect(view.matrix?.municipalities).toHaveLength(25);
    expect(view.matrix!.values.every((row, i) => row.every((v, j) => v === view.matrix!.values[j]![i]))).toBe(true);
    expect(view.multiples.items.length).toBeGreaterThanOrEqual(15);
    expect(view.multiples.items.find((m) => m.slug === "legevakt")?.municipalities).toBeGreaterThan(0);
    expect(JSON.stringify(view).length).toBeLessThan(100_000);

    const region = await loadMapView({ region: "hallingdal", dato: "2021-11-01" });
    expect(region.drawing.nodes.map((n) => n[1]).sort()).toEqual(["Flå", "Gol", "Hemsedal", "Hol", "Nesbyen", "Ål"].sort());
    expect((await loadMapView({ region: "finnes-ikke" })).problems).toEqual(["Fant ingen region «finnes-ikke»"]);
  });
});
