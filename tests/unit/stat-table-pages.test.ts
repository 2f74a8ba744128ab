import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { STAT_TABLE_PAGE_ROWS, tablePageOf } from "@/app/statistikk/_components/params";
import { StatTableView, tablePageRows } from "@/app/statistikk/_components/StatTableView";
import type { StatTable } from "@/lib/stats/tables";

/** Long statistics tables page on the server (docs/decisions/0050): the page never grows with the registry. */
const table = (n: number): StatTable => ({
  id: "fylkesgrenser-ordninger",
  title: "Ordninger over fylkesgrensene",
  columns: [
    { key: "ordning", header: "Ordning" },
    { key: "antall", header: "Antall", numeric: true },
  ],
  rows: Array.from({ length: n }, (_, i) => ({ ordning: `Ordning ${i + 1}`, antall: i + 1 })),
});

describe("statistics table pages", () => {
  it("reads the page number of each table from its own parameter, 1 when missing or invalid", () => {
    expect(tablePageOf({ "fylkesgrenser-ordninger-side": "3" }, "fylkesgrenser-ordninger")).toBe(3);
    expect(tablePageOf({ "fylkesgrenser-ordninger-side": "0" }, "fylkesgrenser-ordninger")).toBe(1);
    expect(tablePageOf({ "fylkesgrenser-ordninger-side": "abc" }, "fylkesgrenser-ordninger")).toBe(1);
    expect(tablePageOf({ "fylkesgrenser-ordninger-side": ["2", "3"] }, "fylkesgrenser-ordninger")).toBe(1);
    expect(tablePageOf({ "kommuner-side": "2" }, "fylkesgrenser-ordninger")).toBe(1);
  });

  it("slices the rows of a page and clamps pages past the end", () => {
    const t = table(120);
    expect(tablePageRows(t, 1).rows).toHaveLength(STAT_TABLE_PAGE_ROWS);
    expect(tablePageRows(t, 3)).toMatchObject({ page: 3, pageCount: 3 });
    expect(tablePageRows(t, 3).rows).toHaveLength(120 - 2 * STAT_TABLE_PAGE_ROWS);
    expect(tablePageRows(t, 99).page).toBe(3);
    expect(tablePageRows(table(0), 1)).toMatchObject({ rows: [], page: 1, pageCount: 1 });
  });

  it("renders one page with links to the neighbours, keeping the filter, and says the files hold every row", () => {
    const html = renderToStaticMarkup(createElement(StatTableView, { table: table(120), pageSlug: "fylkesgrenser", params: new URLSearchParams("dato=2021-11-01"), page: 2 }));
    expect(html).toContain("Ordning 51<");
    expect(html).toContain("Ordning 100<");
    expect(html).not.toContain("Ordning 50<");
    expect(html).not.toContain("Ordning 101<");
    expect(html).toContain("Viser rad 51–100 av 120 (side 2 av 3)");
    expect(html).toContain('href="/statistikk/fylkesgrenser?dato=2021-11-01#tabell-fylkesgrenser-ordninger"');
    expect(html).toContain('href="/statistikk/fylkesgrenser?dato=2021-11-01&amp;fylkesgrenser-ordninger-side=3#tabell-fylkesgrenser-ordninger"');
    // The downloads are of the whole table, never of one page.
    expect(html).toContain('href="/statistikk/fylkesgrenser/eksport?dato=2021-11-01&amp;tabell=fylkesgrenser-ordninger&amp;format=csv"');
  });

  it("shows every row without a pager when no page is asked for (the overview's short tables)", () => {
    const html = renderToStaticMarkup(createElement(StatTableView, { table: table(60), pageSlug: "oversikt", params: new URLSearchParams() }));
    expect(html).toContain("Ordning 60<");
    expect(html).not.toContain("Viser rad");
  });
});
