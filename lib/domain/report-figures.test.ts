import { describe, expect, it } from "vitest";
import { printedMunicipality, readReportFigures, reportFiguresFromSeed, reportFiguresOf } from "./report-figures";

describe("the one reader of the report's printed figures", () => {
  const entries = [
    { key: "totalArrangements", source: "NIVI 2021, avsnitt 2.1", data: 221 },
    {
      key: "perMunicipality",
      source: "NIVI 2021",
      data: [{ municipality: "al", nameAsPrinted: "Ål*", population2021: 4648, total: 48, hosts: 23, assisted: 25, source: "NIVI 2021, Tabell 3.2, rad 1" }],
    },
    {
      key: "deviations",
      source: "docs/data.md",
      data: [{ id: 1, statistic: "arrangementsPerMunicipality", municipality: "al", printed: "48", registry: 44, cause: "other", reason: "fordi", source: "Tabell 3.2" }],
    },
  ];

  it("gives each requested key, null when absent, and the citation of the first stored one", () => {
    const figures = reportFiguresOf(entries, ["totalArrangements", "levels"] as const);
    expect(figures).toEqual({ source: "NIVI 2021, avsnitt 2.1", totalArrangements: 221, levels: null });
  });

  it("normalises the deviations (numbers, nulls, the two causes)", () => {
    const { deviations } = reportFiguresOf(entries, ["deviations"] as const);
    expect(deviations).toEqual([
      { id: "1", statistic: "arrangementsPerMunicipality", municipality: "al", taskArea: null, key: null, printed: 48, registry: 44, cause: "REPORT_ERROR", reason: "fordi", source: "Tabell 3.2" },
    ]);
  });

  it("reads the database through the given client, asking only for the requested keys", async () => {
    const asked: string[][] = [];
    const store = {
      reportBaseline: {
        findMany: async (args: { where: { key: { in: string[] } } }) => {
          asked.push(args.where.key.in);
          return entries.filter((e) => args.where.key.in.includes(e.key));
        },
      },
    };
    const figures = await readReportFigures(store, ["perMunicipality"] as const);
    expect(asked).toEqual([["perMunicipality"]]);
    expect(printedMunicipality(figures, "al")?.total).toBe(48);
    expect(printedMunicipality(figures, "hol")).toBeNull();
  });

  it("reads the seed file's contents the same way, with the file's citation", () => {
    const figures = reportFiguresFromSeed({ source: "NIVI Analyse 2021", totalArrangements: 221 }, ["totalArrangements", "deviations"] as const, [
      { id: "x", printed: 1, registry: 2, cause: "NOT_IN_REPORT" },
    ]);
    expect(figures.totalArrangements).toBe(221);
    expect(figures.source).toBe("NIVI Analyse 2021");
    expect(figures.deviations?.[0]).toMatchObject({ id: "x", printed: 1, registry: 2, cause: "NOT_IN_REPORT" });
    expect(reportFiguresFromSeed(null, ["levels"] as const)).toEqual({ source: "NIVI 2021", levels: null });
  });
});
