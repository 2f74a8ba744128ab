import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic, defineStatistic, statisticSql, yearOf, type StatsQuery } from "./query";

/**
 * Tabell 2.1 periods. A known year decides the period. Without a year, a recorded period
 * (establishedPeriodFrom/To, e.g. Tabell 2.2's "2015–2021") decides it when the period lies wholly
 * inside one bucket, otherwise the arrangement is "within a period, year unknown". "Over lenger tid
 * (uspesifisert)" is its own bucket; nothing recorded is "not registered" (the report's 216 of 221).
 */
export const ESTABLISHMENT_PERIODS = [
  { key: "2015-", label: "2015 og senere", reportKey: "2015-2021" },
  { key: "2000-2014", label: "2000–2014", reportKey: "2000-2014" },
  { key: "before-2000", label: "Før 2000", reportKey: "before-2000" },
  { key: "unspecified", label: "Over lenger tid (uspesifisert)", reportKey: "unspecified" },
  { key: "period-only", label: "Periode kjent, år ukjent", reportKey: null },
  { key: "not-registered", label: "Ikke registrert", reportKey: null },
] as const;

export type EstablishmentPeriodKey = (typeof ESTABLISHMENT_PERIODS)[number]["key"];

export interface EstablishmentPeriodCount {
  key: EstablishmentPeriodKey;
  label: string;
  reportKey: string | null;
  arrangements: number;
}

const bucket = Prisma.sql`CASE
      WHEN a."establishedYear" IS NOT NULL THEN
        CASE WHEN a."establishedYear" >= 2015 THEN '2015-' WHEN a."establishedYear" >= 2000 THEN '2000-2014' ELSE 'before-2000' END
      WHEN a."establishedPeriodFrom" IS NOT NULL OR a."establishedPeriodTo" IS NOT NULL THEN
        CASE WHEN a."establishedPeriodFrom" >= 2015 THEN '2015-'
             WHEN a."establishedPeriodFrom" >= 2000 AND a."establishedPeriodTo" <= 2014 THEN '2000-2014'
             WHEN a."establishedPeriodTo" <= 1999 THEN 'before-2000'
             ELSE 'period-only' END
      WHEN a."establishedUnspecified" THEN 'unspecified'
      ELSE 'not-registered' END`;

export const establishmentPeriodsStatistic = defineStatistic({
  name: "establishmentPeriods",
  pass: "arrangements",
  select: () => Prisma.sql`SELECT ${bucket} AS key, count(*)::int AS arrangements
    FROM scoped_a a
    GROUP BY 1`,
  shape: (rows: { key: EstablishmentPeriodKey; arrangements: number }[]): EstablishmentPeriodCount[] => {
    const counts = new Map(rows.map((r) => [r.key, r.arrangements]));
    return ESTABLISHMENT_PERIODS.map((p) => ({ ...p, arrangements: counts.get(p.key) ?? 0 }));
  },
});

export const establishmentPeriodsSql = (query: StatsQuery) => statisticSql(establishmentPeriodsStatistic, query);
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

export const arrangementsPerYearSql = (query: StatsQuery) => statisticSql(arrangementsPerYearStatistic, query);
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
  return Prisma.sql`((a."establishedYear" BETWEEN ${from}::int AND ${to}::int)
       OR (a."establishedYear" IS NULL AND a."establishedPeriodFrom" >= ${from}::int AND a."establishedPeriodTo" <= ${to}::int))`;
}

function newArrangementsSelect(from: number, to: number): Prisma.Sql {
  return Prisma.sql`SELECT a.slug, a.name, a."establishedYear" AS year, a."establishedPeriodFrom" AS "periodFrom", a."establishedPeriodTo" AS "periodTo"
    FROM scoped_a a
    WHERE ${newArrangementsCondition(from, to)}
    ORDER BY a."establishedYear" NULLS LAST, a.name`;
}

export const newArrangementsSql = (query: StatsQuery, from: number, to: number) => statisticSql(newArrangementsStatistic(from, to), query);
export const newArrangementsInPeriod = (query: StatsQuery, from: number, to: number) => computeStatistic(newArrangementsStatistic(from, to), query);
