import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { parseArrangementFilters, type ArrangementFilters } from "@/lib/arrangements/filters";
import { listAllArrangements, listArrangements } from "@/lib/arrangements/list";
import { globalSearch } from "./global";
import { normalizeSearchText } from "./normalize";

let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

const filters = (query: string): ArrangementFilters => {
  const parsed = parseArrangementFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filters;
};
const takesPart = (row: { participants: { name: string }[]; host: { name: string } | null }, name: string) => row.participants.some((p) => p.name === name) || row.host?.name === name;

describe("search (docs/decisions/0049-search.md)", () => {
  it("the stored search columns use the same folding as normalizeSearchText", async () => {
    const { prisma } = await import("@/lib/db");
    const samples = ["Ål", "Aal", "Nore og Uvdal", "Øvre Eiker", "Bærum", "Krødsherad", "Flå", "Kåfjord", "Évian ÄÖÜ"];
    const rows = await prisma.$queryRaw<{ folded: string[] }[]>`SELECT array_agg(search_fold(v) ORDER BY o) AS folded FROM unnest(${samples}::text[]) WITH ORDINALITY AS t(v, o)`;
    expect(rows[0]!.folded).toEqual(samples.map(normalizeSearchText));
    const al = await prisma.$queryRaw<{ searchText: string }[]>`SELECT "searchText" FROM "Municipality" WHERE name = 'Ål'`;
    expect(al[0]!.searchText).toBe("al");
  });

  it("keeps the stored column current on every write (generated column)", async () => {
    const { prisma } = await import("@/lib/db");
    const [a] = await prisma.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Arrangement" ORDER BY id LIMIT 1`;
    await prisma.arrangement.update({ where: { id: a!.id }, data: { shortName: "Særtestordning" } });
    const [after] = await prisma.$queryRaw<{ searchText: string }[]>`SELECT "searchText" FROM "Arrangement" WHERE id = ${a!.id}`;
    expect(after!.searchText).toContain("saertestordning");
    await prisma.arrangement.update({ where: { id: a!.id }, data: { shortName: null } });
  });

  it("«Ål» gives Ål first, then only arrangements Ål takes part in, never Alvdal or Sigdal", async () => {
    for (const query of ["Ål", "ål", "al", "Aal"]) {
      const result = await globalSearch(query, 25);
      expect(result.municipalities[0]?.name, query).toBe("Ål");
      expect(result.municipalities.map((m) => m.name)).toEqual(["Ål"]);
      expect(result.arrangements.rows.length).toBeGreaterThan(0);
      for (const row of result.arrangements.rows) expect(takesPart(row, "Ål") || /\bÅl\b/.test(row.name), `${query}: ${row.name}`).toBe(true);
    }
    const all = await listAllArrangements(filters("sok=Ål"));
    const page = await listArrangements(filters("sok=Ål&antall=25"));
    expect(
      page.rows.every((r) => takesPart(r, "Ål")),
      page.rows
        .filter((r) => !takesPart(r, "Ål"))
        .map((r) => r.name)
        .join(", "),
    ).toBe(true);
    for (const row of all.rows) {
      const places = [...row.participants.map((p) => p.name), row.host?.name ?? ""].join(" ");
      expect(takesPart(row, "Ål") || /(^|[^\p{L}])Ål([^\p{L}]|$)/u.test(`${row.name} ${row.shortName ?? ""}`), `${row.name}: ${places}`).toBe(true);
    }
    const alvdal = await globalSearch("al");
    expect(alvdal.municipalities.some((m) => /Alvdal|Sigdal|Hemsedal/.test(m.name))).toBe(false);
  });

  it("«IKS» returns the IKS arrangements first (never Fredrikstad), and other form abbreviations match the legal form", async () => {
    const page = await listAllArrangements(filters("sok=IKS"));
    const iks = page.rows.filter((r) => r.legalForm?.code === "IKS").length;
    expect(iks).toBeGreaterThan(3);
    expect(page.rows.slice(0, iks).every((r) => r.legalForm?.code === "IKS")).toBe(true);
    expect(page.rows.every((r) => r.legalForm?.code === "IKS" || /\bIKS\b/i.test(`${r.name} ${r.shortName ?? ""}`))).toBe(true);
    const global = await globalSearch("IKS");
    expect(global.municipalities).toEqual([]);
    for (const code of ["KO", "IPR", "AS"]) {
      const rows = (await listAllArrangements(filters(`sok=${code.toLowerCase()}`))).rows;
      const count = rows.filter((r) => r.legalForm?.code === code).length;
      expect(count, code).toBeGreaterThan(0);
      expect(rows.slice(0, count).every((r) => r.legalForm?.code === code)).toBe(true);
    }
    const host = (await listAllArrangements(filters("sok=vertskommune"))).rows;
    expect(host.some((r) => r.legalForm?.code === "HOST_ADMIN")).toBe(true);
  });

  it("«uvdal» finds Nore og Uvdal and its arrangements; a kommunenummer works too", async () => {
    const result = await globalSearch("uvdal");
    expect(result.municipalities[0]?.name).toBe("Nore og Uvdal");
    const page = await listArrangements(filters("sok=uvdal&antall=100"));
    expect(page.total).toBeGreaterThan(10);
    expect(page.rows.every((r) => takesPart(r, "Nore og Uvdal") || /uvdal/i.test(r.name))).toBe(true);
    const byCode = await globalSearch("3301");
    expect(byCode.municipalities[0]?.name).toBe("Drammen");
  });

  it("longer terms still find parts of compound words, and every term must match", async () => {
    const vakt = await listAllArrangements(filters("sok=legevakt"));
    expect(vakt.rows.some((r) => /legevakt/i.test(r.name))).toBe(true);
    const both = await listAllArrangements(filters("sok=legevakt ål"));
    expect(both.rows.length).toBeGreaterThan(0);
    expect(both.rows.every((r) => takesPart(r, "Ål"))).toBe(true);
  });
});
