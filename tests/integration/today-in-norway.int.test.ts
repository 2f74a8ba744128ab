import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestActors, type TestActors } from "../helpers/actors.ts";
import { useSeededRegistry } from "../helpers/database.ts";

/**
 * Issue #12: "today" is the day in Norway everywhere. At 23:30 UTC on 31 December 2026 it is
 * already 1 January 2027 in Oslo (CET, UTC+1); the registry list, the statistics and the change
 * pipeline must all take 2027-01-01, not the UTC date.
 */
const NIGHT = new Date("2026-12-31T23:30:00Z");
const OSLO_DAY = "2027-01-01";

let db: { url: string; drop(): Promise<void> };
let t: TestActors;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

beforeEach(() => {
  // Only Date is faked: the database driver's timers keep running.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NIGHT);
});
afterEach(() => {
  vi.useRealTimers();
});

describe(`at ${NIGHT.toISOString()} every part of the app says today is ${OSLO_DAY}`, () => {
  it("the UTC date is still 2026-12-31 (the trap)", () => {
    expect(new Date().toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("the registry list and GET /api/v1/ordninger default to 2027-01-01", async () => {
    const { EMPTY_FILTERS, effectiveDateAndStatus } = await import("@/lib/arrangements/filters");
    const { listArrangements } = await import("@/lib/arrangements/list");
    const route = await import("@/app/api/v1/ordninger/route");
    expect(effectiveDateAndStatus({}).date).toBe(OSLO_DAY);
    expect((await listArrangements(EMPTY_FILTERS)).date).toBe(OSLO_DAY);
    const body = (await (await route.GET(new Request("http://localhost/api/v1/ordninger"))).json()) as { dato: string };
    expect(body.dato).toBe(OSLO_DAY);
  });

  it("the map, the municipality and the region pages use 2027-01-01", async () => {
    const { loadMapView } = await import("@/lib/map");
    const { municipalityDetail } = await import("@/lib/municipalities");
    const { regionDetail } = await import("@/lib/regions");
    expect((await loadMapView({})).date).toBe(OSLO_DAY);
    expect((await municipalityDetail(await t.municipality("al"))).date).toBe(OSLO_DAY);
    expect((await regionDetail("hallingdal"))?.date).toBe(OSLO_DAY);
  });

  it("the statistics (page parameters and GET /api/v1/statistikk) default to 2027-01-01", async () => {
    const { parseStatsParams } = await import("@/lib/stats/params");
    const route = await import("@/app/api/v1/statistikk/route");
    const parsed = await parseStatsParams(new URLSearchParams());
    expect(parsed.ok && parsed.query.asOf).toBe(OSLO_DAY);
    const body = (await (await route.GET(new Request("http://localhost/api/v1/statistikk"))).json()) as { dato: string };
    expect(body.dato).toBe(OSLO_DAY);
  });

  it("the change pipeline: a municipality that left on 2026-12-31 is no longer a participant, one leaving 2027-01-01 still is", async () => {
    const { prisma } = await import("@/lib/db");
    const { MUTATIONS } = await import("@/lib/changes");
    const { activeParticipants, loadSnapshot } = await import("@/lib/changes/snapshot");
    const { arrangementsForMunicipalities } = await import("@/lib/changes/queries");
    const al = await t.municipality("al");
    const target = await t.arrangement("innkjopssamarbeid-al-hol");
    const participation = await prisma.participation.findFirstOrThrow({ where: { arrangementId: target.id, municipalityId: al } });

    await prisma.participation.update({ where: { id: participation.id }, data: { leftOn: new Date("2026-12-31T00:00:00Z") } });
    const snapshot = (await loadSnapshot(prisma, target.id))!;
    expect(activeParticipants(snapshot).map((p) => p.municipalityId)).not.toContain(al);
    expect((await arrangementsForMunicipalities([al])).map((a) => a.id)).not.toContain(target.id);
    const denied = await MUTATIONS.updateArrangement(t.alEditor, { arrangementId: target.id, baseVersion: target.version, description: "Nytt år." });
    expect(denied).toMatchObject({ ok: false, kind: "forbidden" });

    await prisma.participation.update({ where: { id: participation.id }, data: { leftOn: new Date(`${OSLO_DAY}T00:00:00Z`) } });
    expect(activeParticipants((await loadSnapshot(prisma, target.id))!).map((p) => p.municipalityId)).toContain(al);
    expect((await arrangementsForMunicipalities([al])).map((a) => a.id)).toContain(target.id);
    const proposed = await MUTATIONS.updateArrangement(t.alEditor, { arrangementId: target.id, baseVersion: target.version, description: "Nytt år." });
    expect(proposed).toMatchObject({ ok: true, outcome: "proposed" });
  });
});
