import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSeededRegistry } from "@/tests/helpers/database";
import { EMPTY_FILTERS, parseArrangementFilters, type ArrangementFilters } from "./filters";
import { arrangementFacets } from "./facets";
import { listAllArrangements, listArrangements, resolveArrangementFilters } from "./list";
import { findArrangement } from "./detail";

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

describe("listArrangements", () => {
  it("lists all 221 arrangements of the 2021 survey, 25 per page by default", async () => {
    const page = await listArrangements(EMPTY_FILTERS);
    expect(page.total).toBe(221);
    expect(page.rows).toHaveLength(25);
    expect(page.pageCount).toBe(9);
  });

  it("reproduces the report's levels (104 local, 88 regional, 29 higher) counting participants outside the 25", async () => {
    const facets = await arrangementFacets(await resolveArrangementFilters(filters("dato=2021-11-01")));
    expect(facets.nivaa.map((o) => o.count)).toEqual([104, 88, 29]);
    expect(facets.sektor.reduce((sum, o) => sum + o.count, 0)).toBe(221);
  });

  it("finds Ål from «al», Nore og Uvdal from «uvdal», and abbreviations", async () => {
    const al = await listArrangements(filters("sok=al&antall=100"));
    expect(al.rows[0]!.participants.some((p) => p.name === "Ål") || /Ål/.test(al.rows[0]!.name)).toBe(true);
    expect(al.rows.slice(0, 6).every((r) => /Ål/.test(r.name))).toBe(true);
    const uvdal = await listArrangements(filters("sok=uvdal&antall=100"));
    expect(uvdal.total).toBeGreaterThan(10);
    expect(uvdal.rows.every((r) => r.participants.some((p) => p.name === "Nore og Uvdal") || /uvdal/i.test(r.name))).toBe(true);
    for (const abbreviation of ["IKS", "LVS", "IKT"]) {
      const page = await listArrangements(filters(`sok=${abbreviation.toLowerCase()}&antall=100`));
      expect(page.total, abbreviation).toBeGreaterThan(0);
      expect(page.rows[0]!.name.toUpperCase()).toContain(abbreviation);
    }
  });

  it("accepts today's and the 2021 municipality code alike", async () => {
    const now = await listAllArrangements(filters("kommune=3301"));
    const old = await listAllArrangements(filters("kommune=3005"));
    expect(now.rows.length).toBe(31);
    expect(old.rows.map((r) => r.id)).toEqual(now.rows.map((r) => r.id));
  });

  it("reports unknown values instead of guessing", async () => {
    const page = await listArrangements(filters("kommune=9999&sektor=nothing"));
    expect(page.total).toBe(0);
    expect(page.unknown.map((u) => u.parameter).sort()).toEqual(["kommune", "sektor"]);
  });

  it("sorts server-side and pages without overlap", async () => {
    const byCount = await listArrangements(filters("sorter=deltakere&retning=synkende&antall=5"));
    const counts = byCount.rows.map((r) => r.participantCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const first = await listArrangements(filters("antall=10"));
    const second = await listArrangements(filters("antall=10&side=2"));
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(20);
    const names = first.rows.map((r) => r.name);
    expect([...names].sort(new Intl.Collator("nb").compare)).toEqual(names);
  });

  it("applies the as-of date to participants (Jevnaker left Regionrådet for Hadeland at the end of 2021)", async () => {
    const then = await listAllArrangements(filters("kommune=jevnaker&dato=2021-11-01"));
    const now = await listAllArrangements(filters("kommune=jevnaker"));
    expect(then.rows.some((r) => r.slug === "regionradet-for-hadeland")).toBe(true);
    expect(now.rows.some((r) => r.slug === "regionradet-for-hadeland")).toBe(false);
  });

  it("combines facets with AND and values within a facet with OR", async () => {
    const health = await listArrangements(filters("sektor=health"));
    const fire = await listArrangements(filters("sektor=fire"));
    const both = await listArrangements(filters("sektor=health,fire"));
    expect(both.total).toBe(health.total + fire.total);
    const narrowed = await listAllArrangements(filters("sektor=health&nivaa=lokalt&region=hallingdal"));
    expect(narrowed.rows.every((r) => r.sector.code === "HEALTH" && r.level === "lokalt")).toBe(true);
  });
});

describe("findArrangement", () => {
  it("returns facts, participants with sources and provenance, and redirects numeric ids", async () => {
    const found = await findArrangement("ika-kongsberg");
    expect(found.kind).toBe("found");
    if (found.kind !== "found") return;
    expect(found.detail.row.participantCount).toBe(37);
    expect(found.detail.participations.length).toBe(37);
    expect(found.detail.provenance.some((p) => p.source.startsWith("NIVI 2021"))).toBe(true);
    const byId = await findArrangement(String(found.detail.row.id));
    expect(byId).toEqual({ kind: "redirect", slug: "ika-kongsberg" });
    expect(await findArrangement("finnes-ikke")).toEqual({ kind: "missing" });
    expect(await findArrangement("<script>")).toEqual({ kind: "missing" });
  });
});
