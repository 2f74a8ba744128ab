import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one place for the registry's "as of date D" rules (DOMAIN.md, issue #5). Every query that
 * asks "was this active on D?" uses these fragments, so the rule cannot drift between pages.
 *
 *  - an arrangement is active on D if (establishedYear is null or ≤ year(D)) and (endDate is null or ≥ D);
 *  - a participation is active on D if (joinedOn is null or ≤ D) and (leftOn is null or ≥ D);
 *  - a code or county membership is valid on D if validFrom ≤ D and (validTo is null or ≥ D).
 *
 * `alias` is a trusted table alias written in our own code (never user input); `date` is a
 * YYYY-MM-DD string that is always passed as a bound parameter.
 */
const ident = (alias: string) => {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Ugyldig tabellalias: ${alias}`);
  return Prisma.raw(`"${alias}"`);
};

export function arrangementActiveOn(alias: string, date: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`((${a}."establishedYear" IS NULL OR ${a}."establishedYear" <= extract(year FROM ${date}::date)) AND (${a}."endDate" IS NULL OR ${a}."endDate" >= ${date}::date))`;
}

export function arrangementEndedBefore(alias: string, date: string): Prisma.Sql {
  const a = ident(alias);
  return Prisma.sql`(${a}."endDate" IS NOT NULL AND ${a}."endDate" < ${date}::date)`;
}

export function participationActiveOn(alias: string, date: string): Prisma.Sql {
  const p = ident(alias);
  return Prisma.sql`((${p}."joinedOn" IS NULL OR ${p}."joinedOn" <= ${date}::date) AND (${p}."leftOn" IS NULL OR ${p}."leftOn" >= ${date}::date))`;
}

export function validOn(alias: string, date: string): Prisma.Sql {
  const v = ident(alias);
  return Prisma.sql`(${v}."validFrom" <= ${date}::date AND (${v}."validTo" IS NULL OR ${v}."validTo" >= ${date}::date))`;
}

/** "Current" = still valid (validTo null): today's county map and today's municipality code. */
export function isCurrent(alias: string): Prisma.Sql {
  return Prisma.sql`${ident(alias)}."validTo" IS NULL`;
}

/** SQL for the level of an arrangement from its participant count (see levelOf in columns.ts). */
export function levelSql(countExpression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${countExpression} <= 3 THEN 'lokalt' WHEN ${countExpression} <= 8 THEN 'regionalt' ELSE 'hoyere' END)`;
}

/** SQL for the establishment period of Tabell 2.1 (ids as in ESTABLISHED_PERIODS). */
export function establishedPeriodSql(alias: string): Prisma.Sql {
  const a = ident(alias);
  const year = Prisma.sql`coalesce(${a}."establishedYear", ${a}."establishedPeriodTo")`;
  return Prisma.sql`(CASE
    WHEN ${year} IS NOT NULL AND ${year} > 2021 THEN 'etter-2021'
    WHEN ${year} IS NOT NULL AND ${year} >= 2015 THEN '2015-2021'
    WHEN ${year} IS NOT NULL AND ${year} >= 2000 THEN '2000-2014'
    WHEN ${year} IS NOT NULL THEN 'for-2000'
    WHEN ${a}."establishedUnspecified" THEN 'uspesifisert'
    ELSE 'ukjent' END)`;
}

/** Norwegian alphabetical order (Æ, Ø, Å last) for ORDER BY on names. */
export const NORWEGIAN_COLLATION = Prisma.raw(`COLLATE "nb-NO-x-icu"`);
