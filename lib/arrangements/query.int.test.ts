import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { useSeededRegistry } from "@/tests/helpers/database";
import { conditions, orderBy, withBase, type FacetKey } from "./base";
import { parseArrangementFilters } from "./filters";
import { resolveArrangementFilters } from "./list";
import { FACET_KEYS, queryArrangements, type FacetCount } from "./query";

/**
 * The one-statement list (lib/arrangements/query.ts, docs/decisions/0050) gives what the earlier
 * shape gave: one statement per count, page and facet over the whole base, with count(DISTINCT …)
 * and the current code as a subquery per row.
 */
let db: Awaited<ReturnType<typeof useSeededRegistry>>;
beforeAll(async () => {
  db = await useSeededRegistry();
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db.drop();
});

const QUERIES = [
  "",
  "dato=2021-11-01",
  "sektor=health,fire",
  "kommune=3301&nivaa=regionalt",
  "region=hallingdal&status=aktive",
  "sok=ål&sorter=navn",
  "sok=iks&kryss=ja",
  "oppgave=barnevern&form=IKS,UKJENT&etablert=2015-2021",
  "sorter=deltakere&retning=synkende&antall=10&side=3",
  "sorter=oppgave&antall=50&side=2",
];

/** The earlier shape: each facet its own statement over the whole base. */
function oldFacetSql(date: string, key: FacetKey, where: Prisma.Sql): Prisma.Sql {
  const base = withBase(date);
  switch (key) {
    case "kommune":
      return Prisma.sql`${base} SELECT part."municipalityId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN part ON part."arrangementId" = b.id WHERE ${where} GROUP BY 1`;
    case "region":
      return Prisma.sql`${base} SELECT m."regionId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN part ON part."arrangementId" = b.id JOIN "Municipality" m ON m.id = part."municipalityId" WHERE ${where} AND m."regionId" IS NOT NULL GROUP BY 1`;
    case "sektor":
      return Prisma.sql`${base} SELECT b.sector_code AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
    case "oppgave":
      return Prisma.sql`${base} SELECT ata."taskAreaId"::text AS value, count(DISTINCT b.id)::int AS n FROM b JOIN "ArrangementTaskArea" ata ON ata."arrangementId" = b.id WHERE ${where} GROUP BY 1`;
    case "form":
      return Prisma.sql`${base} SELECT coalesce(b.form_code, 'UKJENT') AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
    case "nivaa":
      return Prisma.sql`${base} SELECT b.level AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
    case "etablert":
      return Prisma.sql`${base} SELECT b.period AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
    case "kryss":
      return Prisma.sql`${base} SELECT CASE WHEN b.cross_county THEN 'ja' ELSE 'nei' END AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
    case "status":
      return Prisma.sql`${base} SELECT CASE WHEN b.active THEN 'aktive' WHEN b.ended THEN 'avsluttede' ELSE 'ikke-startet' END AS value, count(*)::int AS n FROM b WHERE ${where} GROUP BY 1`;
  }
}

const sorted = (rows: FacetCount[]) => [...rows].sort((a, b) => String(a.value).localeCompare(String(b.value)));

describe("the list in one statement equals the earlier statements", () => {
  it.each(QUERIES)("count, page and facets for «%s»", async (query) => {
    const { prisma } = await import("@/lib/db");
    const parsed = parseArrangementFilters(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(parsed.message);
    const r = await resolveArrangementFilters(parsed.filters);
    expect(r.unknown).toEqual([]);
    const offset = (r.filters.side - 1) * r.filters.antall;
    const now = await queryArrangements(r, { limit: r.filters.antall, offset, count: true, facets: true });

    const [{ n }] = (await prisma.$queryRaw<{ n: number }[]>`${withBase(r.date)} SELECT count(*)::int AS n FROM b WHERE ${conditions(r)}`) as [{ n: number }];
    const page = await prisma.$queryRaw<{ id: number; named_count: number; participant_count: number; cross_county: boolean; active: boolean; period: string }[]>`${withBase(r.date)}
      SELECT b.id, b.named_count, b.participant_count, b.cross_county, b.active, b.period FROM b WHERE ${conditions(r)} ${orderBy(r)} LIMIT ${r.filters.antall} OFFSET ${offset}`;
    expect(now.total).toBe(n);
    expect(now.rows).toEqual(page);
    for (const key of FACET_KEYS) {
      const old = await prisma.$queryRaw<FacetCount[]>(oldFacetSql(r.date, key, conditions(r, key)));
      expect(sorted(now.facets![key]), key).toEqual(sorted(old));
    }
  });

  it("a municipality's list computed for its arrangements alone equals the same list from the whole base", async () => {
    const { prisma } = await import("@/lib/db");
    for (const query of ["kommune=3301", "kommune=hol,3301&sok=legevakt", "kommune=al&dato=2021-11-01&antall=100"]) {
      const parsed = parseArrangementFilters(new URLSearchParams(query));
      if (!parsed.ok) throw new Error(parsed.message);
      const r = await resolveArrangementFilters(parsed.filters);
      const scoped = await queryArrangements(r, { limit: 1000, offset: 0, count: true, facets: false });
      const whole = await prisma.$queryRaw<{ id: number }[]>`${withBase(r.date)} SELECT b.id FROM b WHERE ${conditions(r)} ${orderBy(r)}`;
      expect(scoped.rows.map((row) => row.id)).toEqual(whole.map((row) => row.id));
      expect(scoped.total).toBe(whole.length);
      expect(scoped.total).toBeGreaterThan(0);
    }
  });

  it("participants carry today's code from one join, as the subquery per row gave it", async () => {
    const { prisma } = await import("@/lib/db");
    const { arrangementRows } = await import("./list");
    const ids = (await prisma.arrangement.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 60 })).map((a) => a.id);
    const rows = await arrangementRows(ids, "2026-01-01");
    const old = await prisma.$queryRaw<{ arrangementId: number; municipalityId: number; code: string | null }[]>`
      SELECT p."arrangementId", p."municipalityId",
        (SELECT c.code FROM "MunicipalityCode" c WHERE c."municipalityId" = p."municipalityId" AND c."validTo" IS NULL ORDER BY c."validFrom" DESC LIMIT 1) AS code
      FROM "Participation" p WHERE p."arrangementId" = ANY(${ids}::int[])
        AND (p."joinedOn" IS NULL OR p."joinedOn" <= '2026-01-01'::date) AND (p."leftOn" IS NULL OR p."leftOn" >= '2026-01-01'::date)`;
    const key = (a: number, m: number) => `${a}:${m}`;
    const codes = new Map(old.map((o) => [key(o.arrangementId, o.municipalityId), o.code]));
    const seen = rows.flatMap((row) => row.participants.map((p) => [key(row.id, p.id), p.code] as const));
    expect(seen.length).toBe(old.length);
    for (const [k, code] of seen) expect(code, k).toBe(codes.get(k));
  });
});
