import { Prisma } from "@/lib/generated/prisma/client";
import { baseCtes, runSql, type StatsQuery } from "./query";

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

export function establishmentPeriodsSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)}
    SELECT ${bucket} AS key, count(*)::int AS arrangements
    FROM scoped_a sa JOIN "Arrangement" a ON a.id = sa.id
    GROUP BY 1`;
}

export async function arrangementsByEstablishmentPeriod(query: StatsQuery): Promise<EstablishmentPeriodCount[]> {
  const rows = await runSql<{ key: EstablishmentPeriodKey; arrangements: number }>(establishmentPeriodsSql(query));
  const counts = new Map(rows.map((r) => [r.key, r.arrangements]));
  return ESTABLISHMENT_PERIODS.map((p) => ({ ...p, arrangements: counts.get(p.key) ?? 0 }));
}

export interface YearCount {
  year: number;
  arrangements: number;
}

/** Figur 2.4: active arrangements in scope per known establishment year (years without any omitted). */
export function arrangementsPerYearSql(query: StatsQuery): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)}
    SELECT a."establishedYear" AS year, count(*)::int AS arrangements
    FROM scoped_a sa JOIN "Arrangement" a ON a.id = sa.id
    WHERE a."establishedYear" IS NOT NULL
    GROUP BY 1 ORDER BY 1`;
}

export function arrangementsPerEstablishmentYear(query: StatsQuery): Promise<YearCount[]> {
  return runSql<YearCount>(arrangementsPerYearSql(query));
}

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
export function newArrangementsSql(query: StatsQuery, from: number, to: number): Prisma.Sql {
  return Prisma.sql`WITH ${baseCtes(query)}
    SELECT a.slug, a.name, a."establishedYear" AS year, a."establishedPeriodFrom" AS "periodFrom", a."establishedPeriodTo" AS "periodTo"
    FROM scoped_a sa JOIN "Arrangement" a ON a.id = sa.id
    WHERE (a."establishedYear" BETWEEN ${from}::int AND ${to}::int)
       OR (a."establishedYear" IS NULL AND a."establishedPeriodFrom" >= ${from}::int AND a."establishedPeriodTo" <= ${to}::int)
    ORDER BY a."establishedYear" NULLS LAST, a.name`;
}

export function newArrangementsInPeriod(query: StatsQuery, from: number, to: number): Promise<NewArrangement[]> {
  return runSql<NewArrangement>(newArrangementsSql(query, from, to));
}
