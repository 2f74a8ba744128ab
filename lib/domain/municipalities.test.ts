import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countyOn,
  existencePeriods,
  type MunicipalityValidity,
  municipalitiesForParticipation,
  municipalityExistsOn,
  municipalityExistsThroughout,
  municipalityLabels,
  participationDays,
} from "./municipalities";

/** The seed's 159 municipalities with their codes and county memberships, as the picker gets them. */
function seedMunicipalities(): MunicipalityValidity[] {
  const read = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/data", file), "utf8"));
  const counties = new Map<string, string>((read("counties.json") as { key: string; name: string }[]).map((c) => [c.key, c.name]));
  const rows = read("municipalities.json") as {
    name: string;
    codes: { validFrom: string; validTo: string | null }[];
    counties: { county: string; validFrom: string; validTo: string | null }[];
  }[];
  return rows.map((m, i) => ({
    id: i + 1,
    name: m.name,
    codes: m.codes.map(({ validFrom, validTo }) => ({ validFrom, validTo })),
    counties: m.counties.map((c) => ({ name: counties.get(c.county)!, validFrom: c.validFrom, validTo: c.validTo })),
  }));
}

const DISSOLVED = ["Hof", "Hurum", "Nedre Eiker", "Re", "Røyken", "Sande", "Svelvik"];
const TODAY = "2026-11-30";

describe("municipalities on a day", () => {
  const all = seedMunicipalities();
  const labelsOf = (joinedOn: string | null, leftOn: string | null = null) => municipalitiesForParticipation(all, { joinedOn, leftOn }, TODAY).map((m) => m.label);

  it("a current participation is never offered a municipality dissolved in 2020 (or Hof, 2018)", () => {
    const offered = labelsOf(null);
    for (const name of DISSOLVED) expect(offered, name).not.toContain(name);
    expect(offered).toContain("Drammen");
    expect(offered).toContain("Asker");
    expect(offered.length).toBe(all.length - DISSOLVED.length);
    // Joined in 2015 and still taking part: the municipality must exist from 2015 until today.
    for (const name of DISSOLVED) expect(labelsOf("2015-01-01"), name).not.toContain(name);
  });

  it("a participation that ended before the 2020 reform is offered the municipalities of its time", () => {
    const offered = labelsOf("2010-01-01", "2019-06-30");
    for (const name of ["Hurum", "Nedre Eiker", "Re", "Røyken", "Sande", "Svelvik"]) expect(offered, name).toContain(name);
    expect(offered, "Hof ended 31.12.2017").not.toContain("Hof");
    expect(labelsOf("2010-01-01", "2017-12-31")).toContain("Hof");
    expect(labelsOf("2010-01-01", "2020-01-01"), "left on the reform day").not.toContain("Hurum");
  });

  it("a renumbering is no break: Drammen exists throughout 2015–today across three codes", () => {
    const drammen = all.find((m) => m.name === "Drammen")!;
    expect(existencePeriods(drammen.codes)).toEqual([{ validFrom: "1900-01-01", validTo: null }]);
    expect(municipalityExistsThroughout(drammen.codes, "2015-01-01", TODAY)).toBe(true);
    const hurum = all.find((m) => m.name === "Hurum")!;
    expect(municipalityExistsOn(hurum.codes, "2019-12-31")).toBe(true);
    expect(municipalityExistsOn(hurum.codes, "2020-01-01")).toBe(false);
    expect(municipalityExistsThroughout(hurum.codes, "2019-01-01", "2020-01-01")).toBe(false);
    expect(
      municipalityExistsThroughout(
        [
          { validFrom: "2000-01-01", validTo: "2009-12-31" },
          { validFrom: "2011-01-01", validTo: null },
        ],
        "2009-06-01",
        "2011-06-01",
      ),
    ).toBe(false);
  });

  it("same-named municipalities carry their county on the date", () => {
    expect(labelsOf(null).filter((l) => l.startsWith("Våler"))).toEqual(["Våler (Innlandet)", "Våler (Østfold)"]);
    // 2020–2023 Østfold was part of Viken: the county of the participation's day.
    expect(labelsOf("2021-01-01", "2022-12-31").filter((l) => l.startsWith("Våler"))).toEqual(["Våler (Innlandet)", "Våler (Viken)"]);
    expect(labelsOf("2010-01-01", "2019-06-30").filter((l) => l.startsWith("Våler"))).toEqual(["Våler (Hedmark)", "Våler (Østfold)"]);
    const labels = municipalityLabels(all, TODAY);
    expect(labels.get(all.find((m) => m.name === "Ål")!.id)).toBe("Ål");
  });

  it("a dissolved municipality keeps its last county after it ceased", () => {
    const hurum = all.find((m) => m.name === "Hurum")!;
    expect(countyOn(hurum, "2019-06-01")).toBe("Buskerud");
    expect(countyOn(hurum, TODAY)).toBe("Buskerud");
  });

  it("the days a participation needs: joined to left, or to today while it lasts", () => {
    expect(participationDays({ joinedOn: null, leftOn: null }, TODAY)).toEqual({ from: TODAY, to: TODAY });
    expect(participationDays({ joinedOn: "2015-01-01", leftOn: null }, TODAY)).toEqual({ from: "2015-01-01", to: TODAY });
    expect(participationDays({ joinedOn: "2027-01-01", leftOn: null }, TODAY)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(participationDays({ joinedOn: null, leftOn: "2019-06-30" }, TODAY)).toEqual({ from: "2019-06-30", to: "2019-06-30" });
  });

  it("excludes the municipalities already taking part", () => {
    const al = all.find((m) => m.name === "Ål")!;
    expect(municipalitiesForParticipation(all, { joinedOn: null, leftOn: null }, TODAY, new Set([al.id])).map((m) => m.label)).not.toContain("Ål");
  });
});
