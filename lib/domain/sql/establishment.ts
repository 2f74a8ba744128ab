import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { MIDDLE_FROM, RECENT_FROM, SURVEY_YEAR } from "../establishment";
import { ident } from "./alias";

/** The SQL of ../establishment.ts, built from the same boundaries (bound into the text as constants). */
const SURVEY = Prisma.raw(String(SURVEY_YEAR));
const RECENT = Prisma.raw(String(RECENT_FROM));
const MIDDLE = Prisma.raw(String(MIDDLE_FROM));

/** SQL of establishedSortYear. */
export function establishedSortYearSql(alias: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`coalesce(${a}."establishedYear", ${a}."establishedPeriodTo")`;
}

/** SQL of establishedPeriodOf (the registry's ids of ESTABLISHED_PERIODS). */
export function establishedPeriodSql(alias: string): Prisma.Sql {
  const a = ident(alias);
  const year = establishedSortYearSql(alias);
  return Prisma.sql`(CASE
    WHEN ${year} IS NOT NULL AND ${year} > ${SURVEY} THEN 'etter-2021'
    WHEN ${year} IS NOT NULL AND ${year} >= ${RECENT} THEN '2015-2021'
    WHEN ${year} IS NOT NULL AND ${year} >= ${MIDDLE} THEN '2000-2014'
    WHEN ${year} IS NOT NULL THEN 'for-2000'
    WHEN ${a}."establishedUnspecified" THEN 'uspesifisert'
    ELSE 'ukjent' END)`;
}

/** SQL of establishmentBucketOf (the statistics' keys of ESTABLISHMENT_PERIODS). */
export function establishmentBucketSql(alias: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`CASE
      WHEN ${a}."establishedYear" IS NOT NULL THEN
        CASE WHEN ${a}."establishedYear" >= ${RECENT} THEN '2015-' WHEN ${a}."establishedYear" >= ${MIDDLE} THEN '2000-2014' ELSE 'before-2000' END
      WHEN ${a}."establishedPeriodFrom" IS NOT NULL OR ${a}."establishedPeriodTo" IS NOT NULL THEN
        CASE WHEN ${a}."establishedPeriodFrom" >= ${RECENT} THEN '2015-'
             WHEN ${a}."establishedPeriodFrom" >= ${MIDDLE} AND ${a}."establishedPeriodTo" < ${RECENT} THEN '2000-2014'
             WHEN ${a}."establishedPeriodTo" < ${MIDDLE} THEN 'before-2000'
             ELSE 'period-only' END
      WHEN ${a}."establishedUnspecified" THEN 'unspecified'
      ELSE 'not-registered' END`;
}

/** SQL of isEstablishedWithin; `from` and `to` are bound as ints. */
export function establishedWithinSql(alias: string, from: number, to: number): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`((${a}."establishedYear" BETWEEN ${from}::int AND ${to}::int)
       OR (${a}."establishedYear" IS NULL AND ${a}."establishedPeriodFrom" >= ${from}::int AND ${a}."establishedPeriodTo" <= ${to}::int))`;
}
