import { describe, expect, it } from "vitest";
import type { StatPageBody } from "../tables";
import { comparisonQuery, SAME_MUNICIPALITIES_LABEL, withComparison, withLiveDate } from "./compare";

const hallingdal = { asOf: "2026-11-30", scope: { kind: "region" as const, slug: "hallingdal", name: "Hallingdal" } };

function page(live: number[], report: (number | string)[]): StatPageBody {
  return {
    intro: "",
    sections: [
      {
        id: "nivaa",
        heading: "Nivå",
        summary: `Av 56 ordninger er 14 lokale (Rapport 2021: 221). Andel 50 % (40 %; Rapport 2021: ca. 40 %).`,
        table: {
          id: "nivaa",
          title: "Nivå",
          columns: [
            { key: "nivaa", header: "Nivå" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "andel", header: "Andel", numeric: true },
            { key: "rapport", header: "Rapport 2021", numeric: true },
            { key: "rapportAndel", header: "Rapport 2021, andel", numeric: true },
          ],
          rows: [
            { nivaa: "Lokalt", antall: live[0]!, andel: 10, rapport: report[0]!, rapportAndel: 20 },
            { nivaa: "Regionalt", antall: live[1]!, andel: 90, rapport: report[1]!, rapportAndel: 80 },
          ],
          footer: { nivaa: "Totalt", antall: live[0]! + live[1]!, rapport: 221 },
        },
        chart: {
          category: "nivaa",
          series: [
            { key: "antall", name: "Registeret nå" },
            { key: "rapport", name: "Rapport 2021" },
          ],
          layout: "vertical",
        },
        notes: ["Rapportens tall gjelder de 25 kartlagte kommunene per 01.11.2021; tallene fra registeret gjelder Hallingdal."],
      },
    ],
  };
}

describe("the report column for another scope (issue 13: the same municipalities)", () => {
  it("keeps the printed figures for the surveyed municipalities and recomputes others on the survey date", () => {
    expect(comparisonQuery({ asOf: "2026-11-30", scope: { kind: "surveyed" } }, "2021-11-01")).toBeNull();
    expect(comparisonQuery(hallingdal, "2021-11-01")).toEqual({ asOf: "2021-11-01", scope: { ...hallingdal.scope, surveyedOnly: true } });
    expect(comparisonQuery({ asOf: "2026-11-30", scope: { kind: "all" } }, "2021-11-01")).toEqual({ asOf: "2021-11-01", scope: { kind: "surveyed" } });
  });

  it("takes the report columns from the live columns of the same page on the survey date, row by row", () => {
    const live = page([14, 33], [71, 100]);
    const then = page([13, 30], [71, 100]);
    const section = withComparison(live, then, hallingdal, "2021-11-01").sections[0]!;
    expect(section.table.rows.map((r) => [r.rapport, r.rapportAndel])).toEqual([
      [13, 10],
      [30, 90],
    ]);
    expect(section.table.footer?.rapport).toBe(43);
    expect(section.table.columns.find((c) => c.key === "rapport")?.header).toBe(SAME_MUNICIPALITIES_LABEL);
    expect(section.chart?.series[1]?.name).toBe(SAME_MUNICIPALITIES_LABEL);
    // Printed figures for other municipalities leave the summary; the note says what the column is.
    expect(section.summary).toBe("Av 56 ordninger er 14 lokale. Andel 50 % (40 %).");
    expect(section.notes?.[0]).toMatch(/01\.11\.2021.*kommunene i Hallingdal som var med i kartleggingen/);
    expect(section.notes).toHaveLength(1);
  });

  it("labels the live column «Registeret nå» today and with the day for another date", () => {
    const body = page([1, 2], [3, 4]);
    expect(withLiveDate(body, "2021-11-01").sections[0]!.table.columns[1]!.header).toBe("Ordninger (registeret 01.11.2021)");
    expect(withLiveDate(body, "2021-11-01").sections[0]!.chart!.series[0]!.name).toBe("Registeret 01.11.2021");
  });
});
