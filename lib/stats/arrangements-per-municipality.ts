import "server-only";
import { validOn } from "@/lib/domain/sql/activity";
import { yearOf } from "@/lib/domain/today";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic, mean } from "./engine/statistic";

export interface MunicipalityArrangementCount {
  slug: string;
  name: string;
  /** Kommunenummer valid on the "as of" day. */
  code: string | null;
  /** Kommunenummer on 1 January 2021 (the report's codes). */
  code2021: string | null;
  population: number | null;
  populationYear: number | null;
  /** Active arrangements the municipality takes part in on the day. */
  arrangements: number;
  /** Of those, the ones it hosts (vertskommune). */
  hosts: number;
  /** Of those, the ones another municipality hosts (bistand fra andre). */
  assisted: number;
  /** Of those, the ones with no registered host. */
  withoutHost: number;
}

/**
 * Fig. 2.2 / Tabell 3.2 "totalt": per municipality in scope, the number of active arrangements it
 * takes part in, with its host role. Population: 1 January of the day's year, or the latest
 * earlier year recorded (the earliest recorded year when there is none before).
 */
export const arrangementsPerMunicipalityStatistic = defineStatistic({
  name: "arrangementsPerMunicipality",
  pass: "municipalities",
  ctes: (query: StatsQuery) => Prisma.sql`code_now AS (
      SELECT DISTINCT ON (mc."municipalityId") mc."municipalityId", mc.code FROM "MunicipalityCode" mc
      WHERE ${validOn("mc", query.asOf)}
      ORDER BY mc."municipalityId", mc."validFrom" DESC
    ),
    code_2021 AS (
      SELECT DISTINCT ON (mc."municipalityId") mc."municipalityId", mc.code FROM "MunicipalityCode" mc
      WHERE ${validOn("mc", "2021-01-01")}
      ORDER BY mc."municipalityId", mc."validFrom" DESC
    ),
    pop AS (
      SELECT DISTINCT ON (p."municipalityId") p."municipalityId", p.count, p.year FROM "Population" p
      ORDER BY p."municipalityId", (p.year <= ${yearOf(query.asOf)}::int) DESC, abs(p.year - ${yearOf(query.asOf)}::int)
    )`,
  select: () => perMunicipalitySelect(),
  shape: (rows: Omit<MunicipalityArrangementCount, "withoutHost">[]): MunicipalityArrangementCount[] => rows.map((r) => ({ ...r, withoutHost: r.arrangements - r.hosts - r.assisted })),
});

function perMunicipalitySelect(): Prisma.Sql {
  return Prisma.sql`SELECT m.slug, m.name,
      code_now.code AS code, code_2021.code AS code2021,
      pop.count AS population, pop.year AS "populationYear",
      coalesce(c.arrangements, 0) AS arrangements, coalesce(c.hosts, 0) AS hosts, coalesce(c.assisted, 0) AS assisted
    FROM scope_m s
    JOIN "Municipality" m ON m.id = s.id
    LEFT JOIN per_municipality c ON c.id = m.id
    LEFT JOIN code_now ON code_now."municipalityId" = m.id
    LEFT JOIN code_2021 ON code_2021."municipalityId" = m.id
    LEFT JOIN pop ON pop."municipalityId" = m.id
    ORDER BY coalesce(c.arrangements, 0) DESC, m.name, m.id`;
}

export const arrangementsPerMunicipality = (query: StatsQuery) => computeStatistic(arrangementsPerMunicipalityStatistic, query);

/** Population classes of the report (avsnitt 2.2), by population on 1 January. */
export const POPULATION_CLASSES = [
  { key: "under-5000", label: "Under 5 000", min: 0, max: 4999 },
  { key: "5000-15000", label: "5 000–15 000", min: 5000, max: 15000 },
  { key: "over-15000", label: "Over 15 000", min: 15001, max: null },
] as const;

export type PopulationClassKey = (typeof POPULATION_CLASSES)[number]["key"];

export function populationClassOf(population: number | null): PopulationClassKey | null {
  if (population === null) return null;
  return POPULATION_CLASSES.find((c) => population >= c.min && (c.max === null || population <= c.max))?.key ?? null;
}

export interface MeanByPopulationClass {
  key: PopulationClassKey;
  label: string;
  municipalities: number;
  mean: number | null;
}

export interface ArrangementsPerMunicipalitySummary {
  municipalities: number;
  /** Sum over municipalities (an arrangement with three municipalities in scope counts three times). */
  sum: number;
  mean: number | null;
  min: MunicipalityArrangementCount | null;
  max: MunicipalityArrangementCount | null;
  byPopulationClass: MeanByPopulationClass[];
  /** Municipalities without a recorded population (not in any class). */
  withoutPopulation: number;
}

/** Mean over the municipalities in scope (34,0 in the report) and by population class (38,2 / 31,4 / 28,7). */
export function summarizeArrangementsPerMunicipality(rows: MunicipalityArrangementCount[]): ArrangementsPerMunicipalitySummary {
  const sorted = [...rows].sort((a, b) => a.arrangements - b.arrangements || a.name.localeCompare(b.name, "nb"));
  return {
    municipalities: rows.length,
    sum: rows.reduce((s, r) => s + r.arrangements, 0),
    mean: mean(rows.map((r) => r.arrangements)),
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
    byPopulationClass: POPULATION_CLASSES.map((c) => {
      const members = rows.filter((r) => populationClassOf(r.population) === c.key);
      return { key: c.key, label: c.label, municipalities: members.length, mean: mean(members.map((r) => r.arrangements)) };
    }),
    withoutPopulation: rows.filter((r) => r.population === null).length,
  };
}
