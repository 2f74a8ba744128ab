import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ESTABLISHED_FROM_COLUMNS } from "../activity";
import { yearOf } from "../today";
import { ident } from "./alias";

/**
 * The SQL fragments of the "as of day D" rules of ../activity.ts (the definitions and their
 * TypeScript predicates are there). `alias` is a trusted table alias from our own code; `date` is a
 * YYYY-MM-DD string, always a bound parameter (the year of D is bound as an int).
 */

/** SQL of establishedFromYear. */
export function establishedFromYearSql(alias: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`coalesce(${Prisma.join(
    ESTABLISHED_FROM_COLUMNS.map((column) => Prisma.sql`${a}.${Prisma.raw(`"${column}"`)}`),
    ", ",
  )})`;
}

/** SQL of isArrangementActiveOn. */
export function arrangementActiveOn(alias: string, date: string): Prisma.Sql {
  const a = ident(alias);
  const from = establishedFromYearSql(alias);
  return Prisma.sql`((${from} IS NULL OR ${from} <= ${yearOf(date)}::int) AND (${a}."endDate" IS NULL OR ${a}."endDate" >= ${date}::date))`;
}

/** SQL of hasArrangementEndedBefore. */
export function arrangementEndedBefore(alias: string, date: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`(${a}."endDate" IS NOT NULL AND ${a}."endDate" < ${date}::date)`;
}

/** SQL of isParticipationActiveOn. */
export function participationActiveOn(alias: string, date: string): Prisma.Sql {
  const p = ident(alias);
  return Prisma.sql`((${p}."joinedOn" IS NULL OR ${p}."joinedOn" <= ${date}::date) AND (${p}."leftOn" IS NULL OR ${p}."leftOn" >= ${date}::date))`;
}

/** SQL of isValidOn. */
export function validOn(alias: string, date: string): Prisma.Sql {
  const v = ident(alias);
  return Prisma.sql`(${v}."validFrom" <= ${date}::date AND (${v}."validTo" IS NULL OR ${v}."validTo" >= ${date}::date))`;
}

/** SQL of isCurrent: today's county map and today's municipality code. */
export function currentSql(alias: string): Prisma.Sql {
  return Prisma.sql`${ident(alias)}."validTo" IS NULL`;
}

/**
 * One row per municipality with a current code: ("municipalityId", code), the newest when several
 * are current. A relation to JOIN once (hash join), never a subquery per row (docs/decisions/0050).
 */
export function currentCodesSql(): Prisma.Sql {
  return Prisma.sql`(SELECT DISTINCT ON (cc."municipalityId") cc."municipalityId", cc.code FROM "MunicipalityCode" cc WHERE ${currentSql("cc")} ORDER BY cc."municipalityId", cc."validFrom" DESC, cc.id DESC)`;
}

/** One row per municipality with a code valid on `date`: ("municipalityId", code), the newest when several. */
export function codesValidOnSql(date: string): Prisma.Sql {
  return Prisma.sql`(SELECT DISTINCT ON (vc."municipalityId") vc."municipalityId", vc.code FROM "MunicipalityCode" vc WHERE ${validOn("vc", date)} ORDER BY vc."municipalityId", vc."validFrom" DESC, vc.id DESC)`;
}

/** One row per municipality in a county today: ("municipalityId", "countyId"), the newest when several. */
export function currentCountiesSql(): Prisma.Sql {
  return Prisma.sql`(SELECT DISTINCT ON (ck."municipalityId") ck."municipalityId", ck."countyId" FROM "MunicipalityCounty" ck WHERE ${currentSql("ck")} ORDER BY ck."municipalityId", ck."validFrom" DESC, ck.id DESC)`;
}
