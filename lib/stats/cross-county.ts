import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import { countyMapDateOf, type StatsQuery } from "./engine/scope";
import { COUNTY_FLAGS, countyOnSql } from "./engine/sql";
import { defineStatistic } from "./engine/statistic";

/**
 * Avsnitt 2.5 groups (Tabell 2.4–2.7). An arrangement crosses county borders when its active
 * participants (also those outside the scope) lie in two or more counties on the county map of
 * `countyMapDate` (default: today's map, as the report does). It is grouped by the counties other
 * than Buskerud (the survey's home county):
 * - only Vestfold and/or Telemark → "Vestfold og Telemark" (detail: Telemark, Vestfold, both);
 * - Innlandet, possibly with Akershus (Hadeland: Lunner and Jevnaker lie in Akershus) → "Innlandet";
 * - only Akershus and/or Oslo → "Akershus og Oslo";
 * - anything else → "Andre fylkesgrenser eller flere fylker".
 */
export const HOME_COUNTY = "Buskerud";

export const CROSS_COUNTY_GROUPS = [
  { key: "vestfold-og-telemark", name: "Vestfold og Telemark", reportTable: "2.4" },
  { key: "innlandet", name: "Innlandet", reportTable: "2.5" },
  { key: "akershus-oslo", name: "Akershus og Oslo", reportTable: "2.6" },
  { key: "other", name: "Andre fylkesgrenser eller flere fylker", reportTable: "2.7" },
] as const;

export type CrossCountyGroupKey = (typeof CROSS_COUNTY_GROUPS)[number]["key"];

export interface CrossCountyArrangement {
  slug: string;
  name: string;
  /** The report's spelling when the registry corrected it. */
  printedName: string | null;
  counties: string[];
  participants: string[];
  group: CrossCountyGroupKey;
  /** Vestfold og Telemark only: which of the two. */
  detail: "telemark" | "vestfold" | "both" | null;
  /** Participants with no county on the map date (not counted when deciding). */
  withoutCounty: number;
}

export interface CrossCountyGroup {
  key: CrossCountyGroupKey;
  name: string;
  reportTable: string;
  arrangements: number;
  detail?: { telemark: number; vestfold: number; both: number };
}

export interface CrossCountyResult {
  countyMapDate: string;
  total: number;
  groups: CrossCountyGroup[];
  arrangements: CrossCountyArrangement[];
}

export function classifyCrossing(counties: string[]): Pick<CrossCountyArrangement, "group" | "detail"> {
  const others = new Set(counties.filter((c) => c !== HOME_COUNTY));
  const only = (...allowed: string[]) => [...others].every((c) => allowed.includes(c));
  if (others.size > 0 && only("Vestfold", "Telemark")) {
    const detail = others.size === 2 ? "both" : others.has("Telemark") ? "telemark" : "vestfold";
    return { group: "vestfold-og-telemark", detail };
  }
  if (others.has("Innlandet") && only("Innlandet", "Akershus")) return { group: "innlandet", detail: null };
  if (others.size > 0 && only("Akershus", "Oslo")) return { group: "akershus-oslo", detail: null };
  return { group: "other", detail: null };
}

type CrossCountyRow = Omit<CrossCountyArrangement, "group" | "detail">;

/** The aggregate of Avsnitt 2.5 (what the statistics set and the API carry): total and per-group counts. */
export type CrossCountySummary = Omit<CrossCountyResult, "arrangements">;

function countyOnCte(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`county_on AS (${countyOnSql(countyMapDateOf(query))})`;
}

/**
 * The statistic of the set: how many arrangements in scope cross county borders, per group. It reads
 * two per-arrangement columns of the common pass over the participations (baseCtes in engine/sql.ts):
 * `crosses` (the active participants lie in at least two counties on the map date) and
 * `countyFlags` (the bit-or of their counties' COUNTY_FLAGS). The classification of
 * classifyCrossing is done on those bits; no list of counties or participants is built
 * (docs/decisions/0026, 0028). Every crossing arrangement has a county other than Buskerud.
 */
const bits = (...names: (keyof typeof COUNTY_FLAGS)[]) => Prisma.raw(String(names.reduce((s, n) => s | COUNTY_FLAGS[n], 0)));

export const crossCountyStatistic = defineStatistic({
  name: "crossCounty",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT CASE
        WHEN f."countyFlags" & ~${bits("Buskerud", "Vestfold", "Telemark")} = 0 THEN
          CASE WHEN f."countyFlags" & ${bits("Vestfold", "Telemark")} = ${bits("Vestfold", "Telemark")} THEN 'both'
               WHEN f."countyFlags" & ${bits("Telemark")} <> 0 THEN 'telemark' ELSE 'vestfold' END
        WHEN f."countyFlags" & ${bits("Innlandet")} <> 0 AND f."countyFlags" & ~${bits("Buskerud", "Innlandet", "Akershus")} = 0 THEN 'innlandet'
        WHEN f."countyFlags" & ~${bits("Buskerud", "Akershus", "Oslo")} = 0 THEN 'akershus-oslo'
        ELSE 'other' END AS key,
      count(*)::int AS arrangements
    FROM scoped_a f
    WHERE f.crosses
    GROUP BY 1`,
  shape: (rows: { key: string; arrangements: number }[], query: StatsQuery): CrossCountySummary => {
    const counts = new Map(rows.map((r) => [r.key, r.arrangements]));
    const count = (key: string) => counts.get(key) ?? 0;
    const groups = CROSS_COUNTY_GROUPS.map((g): CrossCountyGroup => {
      if (g.key !== "vestfold-og-telemark") return { ...g, arrangements: count(g.key) };
      const detail = { telemark: count("telemark"), vestfold: count("vestfold"), both: count("both") };
      return { ...g, arrangements: detail.telemark + detail.vestfold + detail.both, detail };
    });
    return { countyMapDate: countyMapDateOf(query), total: groups.reduce((s, g) => s + g.arrangements, 0), groups };
  },
});

export const crossCountySummary = (query: StatsQuery) => computeStatistic(crossCountyStatistic, query);

/**
 * The detail listing behind /statistikk/fylkesgrenser (and its CSV/XLSX export): every crossing
 * arrangement with its counties and participants, grouped in JavaScript by classifyCrossing. Not
 * part of the statistics set: only that page needs the lists (docs/decisions/0026).
 */
export const crossCountyListing = defineStatistic({
  name: "crossCountyArrangements",
  pass: "arrangements",
  // The crossing arrangements come from the arrangement pass (scoped_a.crosses); their counties and
  // participants from one grouping of their valid participations.
  ctes: (query: StatsQuery) => Prisma.sql`${countyOnCte(query)},
    crossing AS (
      SELECT ap."arrangementId" AS id,
        array_agg(DISTINCT co.name ORDER BY co.name) FILTER (WHERE co.name IS NOT NULL) AS counties,
        array_agg(m.name ORDER BY m.name) AS participants,
        count(*) FILTER (WHERE co.name IS NULL)::int AS "withoutCounty"
      FROM active_p ap
      JOIN "Municipality" m ON m.id = ap."municipalityId"
      LEFT JOIN county_on co ON co."municipalityId" = ap."municipalityId"
      WHERE ap."arrangementId" IN (SELECT sa.id FROM scoped_a sa WHERE sa.crosses)
      GROUP BY ap."arrangementId"
    )`,
  select: () => Prisma.sql`SELECT sa.slug, sa.name, sa."correctedName" AS "printedName", c.counties, c.participants, c."withoutCounty"
    FROM crossing c
    JOIN scoped_a sa ON sa.id = c.id
    ORDER BY sa.name`,
  shape: (rows: CrossCountyRow[], query: StatsQuery) => groupCrossings(rows, query),
});

export const crossCountyArrangements = (query: StatsQuery) => computeStatistic(crossCountyListing, query);

function groupCrossings(rows: CrossCountyRow[], query: StatsQuery): CrossCountyResult {
  const arrangements = rows.map((r) => ({ ...r, ...classifyCrossing(r.counties) }));
  const groups = CROSS_COUNTY_GROUPS.map((g): CrossCountyGroup => {
    const members = arrangements.filter((a) => a.group === g.key);
    const group: CrossCountyGroup = { ...g, arrangements: members.length };
    if (g.key === "vestfold-og-telemark") {
      group.detail = {
        telemark: members.filter((a) => a.detail === "telemark").length,
        vestfold: members.filter((a) => a.detail === "vestfold").length,
        both: members.filter((a) => a.detail === "both").length,
      };
    }
    return group;
  });
  return { countyMapDate: countyMapDateOf(query), total: arrangements.length, groups, arrangements };
}

export interface PrintedCrossCountyRow {
  table: string;
  nr: number;
  name: string;
}

export interface CrossCountyComparisonRow {
  name: string;
  slug: string | null;
  liveGroup: CrossCountyGroupKey | null;
  counties: string[];
  printed: PrintedCrossCountyRow | null;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9æøå]/g, "");
}

/**
 * Lines up the live crossing arrangements with the report's lists (Tabell 2.4–2.7) by name (the
 * registry's name or the report's spelling): in both, only live (missing from the report's lists or
 * crossing only on today's map), only printed (not crossing on today's map, or not active).
 */
export function compareCrossCountyWithReport(live: CrossCountyArrangement[], printedTables: Record<string, { rows: { nr: number; name: string }[] }>): CrossCountyComparisonRow[] {
  const printed = Object.entries(printedTables).flatMap(([table, t]) => t.rows.map((r) => ({ table, nr: r.nr, name: r.name })));
  // Each printed name normalised once (not once per live row): the printed rows by name, in order.
  const byName = new Map<string, number[]>();
  printed.forEach((p, index) => {
    const key = normalizeName(p.name);
    byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  const used = new Set<PrintedCrossCountyRow>();
  const rows: CrossCountyComparisonRow[] = live.map((a) => {
    const keys = new Set([normalizeName(a.name), ...(a.printedName ? [normalizeName(a.printedName)] : [])]);
    // The first unused printed row, in printed order, whose name matches one of the keys.
    const candidates = [...keys].flatMap((key) => byName.get(key) ?? []).sort((x, y) => x - y);
    const index = candidates.find((i) => !used.has(printed[i]!));
    const match = index === undefined ? null : printed[index]!;
    if (match) used.add(match);
    return { name: a.name, slug: a.slug, liveGroup: a.group, counties: a.counties, printed: match };
  });
  for (const p of printed) if (!used.has(p)) rows.push({ name: p.name, slug: null, liveGroup: null, counties: [], printed: p });
  return rows;
}
