import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { prisma } from "@/lib/db";
import { readReportFigures } from "@/lib/domain/report-figures";
import { allDeviations, deviationsFor } from "./index";

let drop: () => Promise<void>;
beforeAll(async () => {
  drop = (await useSeededRegistry()).drop;
});
afterAll(async () => {
  await prisma.$disconnect();
  // lib/db keeps one client per process on globalThis; forget it so no later file reuses this database.
  delete (globalThis as { prisma?: unknown }).prisma;
  await drop?.();
});

describe("readReportFigures", () => {
  it("returns stored printed figures, typed, with the report's citation", async () => {
    const figures = await readReportFigures(prisma, ["levels", "totalArrangements"] as const);
    expect(figures.levels).toMatchObject({ local: 104, regional: 88, higher: 29 });
    expect(figures.totalArrangements).toBe(221);
    expect(figures.source).toMatch(/^NIVI Analyse 2021/);
  });

  it("gives null for a key the database does not hold", async () => {
    await prisma.reportBaseline.deleteMany({ where: { key: "perYear" } });
    expect((await readReportFigures(prisma, ["perYear"] as const)).perYear).toBeNull();
  });
});

describe("deviationsFor", () => {
  it("gives Ål its printed 48 against the registry's 44, with the reason", async () => {
    const al = await deviationsFor("al");
    const total = al.find((d) => d.statistic === "arrangementsPerMunicipality");
    expect(total).toMatchObject({ printed: 48, registry: 44, cause: "REPORT_ERROR" });
    expect(total?.reason).toContain("Lunners liste");
    expect(al.some((d) => d.statistic === "hostCount")).toBe(true);
  });

  it("gives Hjartdal 34 against 35", async () => {
    expect((await deviationsFor("hjartdal")).find((d) => d.statistic === "arrangementsPerMunicipality")).toMatchObject({ printed: 34, registry: 35 });
  });

  it("gives Kongsberg nothing (its total and host count match Tabell 3.2)", async () => {
    expect(await deviationsFor("kongsberg")).toEqual([]);
  });

  it("lists task-area deviations without a municipality", async () => {
    const taskAreas = (await allDeviations()).filter((d) => d.statistic === "taskAreaParticipation");
    expect(taskAreas.map((d) => d.taskArea).sort()).toEqual(["ergoterpeut", "innkjopssamarbeid", "ovrig-psykisk-helse", "personvernombud", "voksenopplaering"]);
    expect(taskAreas.every((d) => d.municipality === null)).toBe(true);
  });
});
