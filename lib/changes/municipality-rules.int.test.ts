import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTestActors, type TestActors } from "@/tests/helpers/actors";
import { useSeededRegistry } from "@/tests/helpers/database";
import { MUTATIONS } from "./index";
import { formOptions } from "./queries";
import { municipalitiesForParticipation } from "@/lib/domain/municipalities";
import { todayInNorway } from "@/lib/domain/today";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let t: TestActors;

beforeAll(async () => {
  db = await useSeededRegistry();
  t = await createTestActors();
});
afterAll(async () => {
  await prisma.$disconnect();
  await db.drop();
});

describe("municipalities that exist on a participation's days", () => {
  it("the picker's options from the database: no dissolved municipality today, both Våler with their county", async () => {
    const { municipalityPeriods } = await formOptions();
    expect(municipalityPeriods.length).toBe(159);
    const today = municipalitiesForParticipation(municipalityPeriods, { joinedOn: null, leftOn: null }, todayInNorway()).map((m) => m.label);
    for (const name of ["Hof", "Hurum", "Nedre Eiker", "Re", "Røyken", "Sande", "Svelvik"]) expect(today).not.toContain(name);
    expect(today.filter((l) => l.startsWith("Våler"))).toEqual(["Våler (Innlandet)", "Våler (Østfold)"]);
    const in2019 = municipalitiesForParticipation(municipalityPeriods, { joinedOn: "2019-01-01", leftOn: "2019-12-31" }, todayInNorway()).map((m) => m.label);
    expect(in2019).toContain("Hurum");
  });

  it("refuses to add a municipality dissolved in 2020, with a Norwegian field error, and writes nothing", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const hurum = await t.municipality("hurum");
    const requestsBefore = await prisma.changeRequest.count();
    for (const actor of [t.adviser, t.alEditor]) {
      const result = await MUTATIONS.addParticipant(actor, { arrangementId: target.id, baseVersion: target.version, municipalityId: hurum, role: "MEMBER", joinedOn: "" });
      expect(result).toMatchObject({
        ok: false,
        kind: "validation",
        errors: { municipalityId: ["Hurum finnes ikke lenger som egen kommune, og kan ikke få nye deltakelser. Tidligere kommuner vises bare i historikken."] },
      });
    }
    expect(await prisma.participation.count({ where: { arrangementId: target.id, municipalityId: hurum } })).toBe(0);
    expect(await prisma.changeRequest.count()).toBe(requestsBefore);
    expect((await prisma.arrangement.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(target.version);
  });

  it("refuses a start date before the municipality existed (Holmestrand of today was formed 1.1.2018)", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const holmestrand = await t.municipality("holmestrand");
    const result = await MUTATIONS.addParticipant(t.adviser, { arrangementId: target.id, baseVersion: target.version, municipalityId: holmestrand, role: "MEMBER", joinedOn: "2010-01-01" });
    expect(result).toMatchObject({
      ok: false,
      errors: { municipalityId: ["Holmestrand fantes ikke som kommune 01.01.2010. Velg en startdato da kommunen fantes, eller la datoen stå tom."] },
    });
  });

  it("a new arrangement cannot have a dissolved participant either", async () => {
    const [al, re] = [await t.municipality("al"), await t.municipality("re")];
    const sector = await prisma.sector.findFirstOrThrow();
    const result = await MUTATIONS.createArrangement(t.adviser, { name: "Samarbeid med Re", sectorId: sector.id, participantIds: [String(al), String(re)] });
    expect(result).toMatchObject({ ok: false, kind: "validation", errors: { participantIds: [expect.stringContaining("Re finnes ikke lenger som egen kommune")] } });
  });

  it("still accepts a municipality that exists on the dates (Våler in Østfold)", async () => {
    const target = await t.arrangement("ovre-hallingdal-legevakt");
    const valer = await t.municipality("valer-ostfold");
    const result = await MUTATIONS.addParticipant(t.adviser, { arrangementId: target.id, baseVersion: target.version, municipalityId: valer, role: "MEMBER", joinedOn: "2021-03-01" });
    expect(result).toMatchObject({ ok: true, outcome: "applied" });
  });
});
