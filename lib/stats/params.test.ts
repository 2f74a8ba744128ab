import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";
import { statsParamsSchema } from "./params";
import { classifyCrossing } from "./cross-county";
import { populationClassOf, summarizeArrangementsPerMunicipality } from "./arrangements-per-municipality";
import { todayInNorway } from "@/lib/domain/today";

const schema = statsParamsSchema([{ slug: "hallingdal", name: "Hallingdal" }]);
const messages = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("statsParamsSchema", () => {
  it("accepts a calendar day, a known region, 'alle' and empty values", () => {
    expect(messages({ dato: "2021-11-01", region: "hallingdal" })).toEqual([]);
    expect(messages({ region: "alle" })).toEqual([]);
    expect(messages({ dato: "", region: "" })).toEqual([]);
    expect(messages({ dato: "2024-02-29" })).toEqual([]);
  });

  it("rejects with Norwegian messages", () => {
    expect(messages({ dato: "01.11.2021" })).toEqual(["dato: Datoen må skrives som ÅÅÅÅ-MM-DD, for eksempel 2021-11-01."]);
    expect(messages({ dato: "2023-02-29" })).toEqual(["dato: Datoen finnes ikke i kalenderen."]);
    expect(messages({ dato: "1899-12-31" })).toEqual(["dato: Datoen må ligge mellom 1900 og 2100."]);
    expect(messages({ region: "valdres" })).toEqual(["region: Ukjent region. Gyldige verdier: alle, hallingdal."]);
    expect(messages({ region: ["hallingdal", "alle"] })).toEqual(["region: Region kan bare oppgis én gang."]);
  });
});

describe("definitions without a database", () => {
  it("puts population into the report's classes", () => {
    expect([populationClassOf(4999), populationClassOf(5000), populationClassOf(15000), populationClassOf(15001), populationClassOf(null)]).toEqual([
      "under-5000",
      "5000-15000",
      "5000-15000",
      "over-15000",
      null,
    ]);
  });

  it("summarizes an empty scope without dividing by zero", () => {
    expect(summarizeArrangementsPerMunicipality([])).toMatchObject({ municipalities: 0, mean: null, min: null, max: null });
  });

  it("groups crossings like Tabell 2.4–2.7", () => {
    expect(classifyCrossing(["Buskerud", "Vestfold"])).toEqual({ group: "vestfold-og-telemark", detail: "vestfold" });
    expect(classifyCrossing(["Akershus", "Buskerud", "Innlandet"]).group).toBe("innlandet");
    expect(classifyCrossing(["Agder", "Telemark", "Vestfold"]).group).toBe("other");
  });

  it("knows today's date in Norway", () => {
    expect(todayInNorway(new Date("2021-10-31T23:30:00Z"))).toBe("2021-11-01");
  });
});

describe("OpenAPI", () => {
  it("documents the three statistics endpoints with their 400 answers", () => {
    const doc = openApiDocument() as { paths: Record<string, { get: { responses: Record<string, unknown>; parameters: { name: string }[] } }> };
    for (const path of ["/api/v1/statistikk", "/api/v1/statistikk/kommuner", "/api/v1/statistikk/oppgaver"]) {
      expect(Object.keys(doc.paths[path]!.get.responses)).toEqual(["200", "304", "400"]);
      expect(doc.paths[path]!.get.parameters.map((p) => p.name)).toEqual(["dato", "region"]);
    }
  });
});
