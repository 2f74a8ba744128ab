import { describe, expect, it } from "vitest";
import { formatReportReference, OVERVIEW_PAGE, STAT_PAGE, STAT_PAGES, statPageInfo } from "./index";

describe("the statistics pages' index", () => {
  it("writes a report reference the Norwegian way", () => {
    expect(
      formatReportReference([
        ["Figur", "2.2", "2.3"],
        ["avsnitt", "2.2"],
      ]),
    ).toBe("Figur 2.2 og 2.3, avsnitt 2.2");
    expect(
      formatReportReference([
        ["Tabell", "2.3", "3.3", "3.4"],
        ["Figur", "3.5"],
      ]),
    ).toBe("Tabell 2.3, 3.3 og 3.4, Figur 3.5");
    expect(
      formatReportReference([
        ["avsnitt", "2.5"],
        ["Tabell", "2.4–2.7"],
      ]),
    ).toBe("Avsnitt 2.5, Tabell 2.4–2.7");
    expect(formatReportReference([["Hovedpunkter"]])).toBe("Hovedpunkter");
  });

  it("has ten report pages with distinct slugs, titles and references, plus the overview", () => {
    expect(STAT_PAGES).toHaveLength(10);
    expect(new Set(STAT_PAGES.map((p) => p.slug)).size).toBe(10);
    expect(new Set(STAT_PAGES.map((p) => p.title)).size).toBe(10);
    expect(STAT_PAGE.kommuner).toEqual({ slug: "kommuner", title: "Ordninger per kommune", reportRef: "Figur 2.2 og 2.3, avsnitt 2.2" });
    expect(statPageInfo("oversikt")).toBe(OVERVIEW_PAGE);
    expect(statPageInfo("finnes-ikke")).toBeNull();
  });
});
