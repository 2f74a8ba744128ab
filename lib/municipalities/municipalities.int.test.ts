import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { findMunicipality, listMunicipalities, municipalityDetail } from "./index";
import { SURVEY_FILE_COLUMNS, surveyFileXlsx } from "./survey-file";
import { regionDetail } from "@/lib/regions";
import { globalSearch } from "@/lib/search/global";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

describe("municipalities", () => {
  it("lists the 25 surveyed first with both codes", async () => {
    const all = await listMunicipalities();
    expect(all.slice(0, 25).every((m) => m.inSurveyScope)).toBe(true);
    expect(all.find((m) => m.slug === "drammen")).toMatchObject({ currentCode: "3301", code2021: "3005", region: { slug: "drammensregionen" } });
  });

  it("finds a municipality by old code, current code and id", async () => {
    expect(await findMunicipality("3005")).toMatchObject({ kind: "found", canonical: "3301", isCanonical: false });
    expect(await findMunicipality("0602")).toMatchObject({ kind: "found", canonical: "3301", isCanonical: false });
    expect(await findMunicipality("3301")).toMatchObject({ kind: "found", isCanonical: true });
    expect(await findMunicipality("drammen")).toMatchObject({ kind: "found", canonical: "3301", isCanonical: false });
    expect(await findMunicipality("9999")).toEqual({ kind: "missing" });
    expect(await findMunicipality("../etc")).toEqual({ kind: "missing" });
  });

  it("shows Rapport 2021 beside the registry with the known explanations (Ål 48 vs 44, Hjartdal 34 vs 35)", async () => {
    const al = await findMunicipality("3328");
    if (al.kind !== "found") throw new Error("Ål mangler");
    const alDetail = await municipalityDetail(al.id);
    expect(alDetail.keyFigures[0]).toMatchObject({ printed: 48, atSurveyDate: 44 });
    expect(alDetail.keyFigures[0]!.explanation).toContain("Medlemslistene gir Ål 44");
    expect(alDetail.groups.map((g) => g.level)).toEqual(["lokalt", "regionalt", "hoyere"]);
    expect(alDetail.groups.reduce((s, g) => s + g.rows.length, 0)).toBe(44);

    const hj = await findMunicipality("4024");
    if (hj.kind !== "found") throw new Error("Hjartdal mangler");
    const hjDetail = await municipalityDetail(hj.id);
    expect(hjDetail.keyFigures[0]).toMatchObject({ printed: 34, atSurveyDate: 35 });
    expect(hjDetail.keyFigures[0]!.explanation).toContain("35");

    const dr = await findMunicipality("3301");
    if (dr.kind !== "found") throw new Error("Drammen mangler");
    const drDetail = await municipalityDetail(dr.id);
    expect(drDetail.keyFigures[0]).toMatchObject({ printed: 31, atSurveyDate: 31, explanation: null });
  });

  it("writes the kartleggingsfil in the survey's columns", async () => {
    const found = await findMunicipality("3301");
    if (found.kind !== "found") throw new Error("Drammen mangler");
    const detail = await municipalityDetail(found.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await surveyFileXlsx(detail)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Kartlegging")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SURVEY_FILE_COLUMNS]);
    expect(sheet.rowCount).toBe(1 + 31);
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
    expect(names).toContain("Glitrevannverket IKS");
  });
});

describe("regions, search and map", () => {
  it("describes Hallingdal with its six members", async () => {
    const region = await regionDetail("hallingdal");
    expect(region?.members.map((m) => m.name).sort()).toEqual(["Flå", "Gol", "Hemsedal", "Hol", "Nesbyen", "Ål"].sort());
    expect(region!.groups.reduce((s, g) => s + g.rows.length, 0)).toBe(region!.keyFigures[0]!.now);
    expect(await regionDetail("finnes-ikke")).toBeNull();
  });

  it("global search puts exact municipality names first and understands codes", async () => {
    expect((await globalSearch("al")).municipalities[0]?.name).toBe("Ål");
    expect((await globalSearch("uvdal")).municipalities[0]?.name).toBe("Nore og Uvdal");
    expect((await globalSearch("3005")).municipalities[0]?.name).toBe("Drammen");
    expect((await globalSearch("hallingdal")).regions[0]?.slug).toBe("hallingdal");
    expect((await globalSearch("   ")).arrangements.total).toBe(0);
  });
});
