import "server-only";
import { ESTABLISHMENT_PERIODS, type EstablishmentPeriodKey } from "@/lib/domain/establishment";
import { establishedWithinSql, establishmentBucketSql } from "@/lib/domain/sql/establishment";
import { yearOf } from "@/lib/domain/today";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

/**
 * Tabell 2.1 periods: the buckets and the rule are the registry's (lib/domain/establishment.ts,
 * ESTABLISHMENT_PERIODS / establishmentBucketOf).
 */
export interface EstablishmentPeriodCount {
  key: EstablishmentPeriodKey;
  label: string;
  reportKey: string | null;
  arrangements: number;
}

export const establishmentPeriodsStatistic = defineStatistic({
  name: "establishmentPeriods",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT ${establishmentBucketSql("a")} AS key, count(*)::int AS arrangements
    FROM scoped_a a
    GROUP BY 1`,
  shape: (rows: { key: EstablishmentPeriodKey; arrangements: number }[]): EstablishmentPeriodCount[] => {
    const counts = new Map(rows.map((r) => [r.key, r.arrangements]));
    return ESTABLISHMENT_PERIODS.map(({ key, label, reportKey }) => ({ key, label, reportKey, arrangements: counts.get(key) ?? 0 }));
  },
});

export const arrangementsByEstablishmentPeriod = (query: StatsQuery) => computeStatistic(establishmentPeriodsStatistic, query);

export interface YearCount {
  year: number;
  arrangements: number;
}

/** Figur 2.4: active arrangements in scope per known establishment year (years without any omitted). */
export const arrangementsPerYearStatistic = defineStatistic({
  name: "arrangementsPerYear",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT a."establishedYear" AS year, count(*)::int AS arrangements
    FROM scoped_a a
    WHERE a."establishedYear" IS NOT NULL
    GROUP BY 1 ORDER BY 1`,
  shape: (rows: YearCount[]) => rows,
});

export const arrangementsPerEstablishmentYear = (query: StatsQuery) => computeStatistic(arrangementsPerYearStatistic, query);

export interface NewArrangement {
  slug: string;
  name: string;
  year: number | null;
  periodFrom: number | null;
  periodTo: number | null;
}

/**
 * Tabell 2.2: active arrangements in scope established within [from, to]: a known year inside the
 * interval, or (without a year) a recorded period wholly inside it.
 */
export function newArrangementsStatistic(from: number, to: number | null) {
  return defineStatistic({
    name: "newArrangements",
    pass: "arrangements",
    select: (query: StatsQuery) => newArrangementsSelect(from, to ?? yearOf(query.asOf)),
    shape: (rows: NewArrangement[]) => rows,
  });
}

/**
 * The aggregate of Tabell 2.2 for the statistics set and the API: how many arrangements are new in
 * [from, to]. The list itself (newArrangementsInPeriod) is the detail of /statistikk/etablering.
 */
export function newArrangementsCountStatistic(from: number, to: number | null) {
  return defineStatistic({
    name: "newArrangements",
    pass: "arrangements",
    select: (query: StatsQuery) => Prisma.sql`SELECT count(*)::int AS arrangements FROM scoped_a a WHERE ${newArrangementsCondition(from, to ?? yearOf(query.asOf))}`,
    shape: (rows: { arrangements: number }[]) => rows[0]?.arrangements ?? 0,
  });
}

function newArrangementsCondition(from: number, to: number): Prisma.Sql {
  return establishedWithinSql("a", from, to);
}

function newArrangementsSelect(from: number, to: number): Prisma.Sql {
  return Prisma.sql`SELECT a.slug, a.name, a."establishedYear" AS year, a."establishedPeriodFrom" AS "periodFrom", a."establishedPeriodTo" AS "periodTo"
    FROM scoped_a a
    WHERE ${newArrangementsCondition(from, to)}
    ORDER BY a."establishedYear" NULLS LAST, a.name`;
}

export const newArrangementsInPeriod = (query: StatsQuery, from: number, to: number) => computeStatistic(newArrangementsStatistic(from, to), query);
