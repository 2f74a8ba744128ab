import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayInNorway } from "@/lib/domain/today";

/* The scope and date of a statistic (the "as of" day, the county map date). */

/**
 * Which municipalities a statistic is about. `surveyed`: the 25 of the 2021 survey (default);
 * `region`: the municipalities of one kommuneregion (with `surveyedOnly`, those of them in the survey); `all`: every municipality in the registry.
 */
export type StatsScope = { kind: "surveyed" } | { kind: "region"; slug: string; name: string; surveyedOnly?: boolean } | { kind: "all" };

/** Every statistic is computed "as of" one calendar day (YYYY-MM-DD) for one scope. */
export interface StatsQuery {
  asOf: string;
  scope: StatsScope;
  /**
   * The county map used to decide whether an arrangement crosses county borders (YYYY-MM-DD).
   * Default: the later of `asOf` and today, i.e. today's county map (docs/decisions/0020).
   */
  countyMapDate?: string;
}

export const SURVEYED: StatsScope = { kind: "surveyed" };

export function countyMapDateOf(query: StatsQuery): string {
  if (query.countyMapDate) return query.countyMapDate;
  const today = todayInNorway();
  return query.asOf > today ? query.asOf : today;
}

/** The SQL condition "municipality m is in the scope". */
export function scopeCondition(scope: StatsScope): Prisma.Sql {
  switch (scope.kind) {
    case "surveyed":
      return Prisma.sql`m."inSurveyScope"`;
    case "region":
      return scope.surveyedOnly
        ? Prisma.sql`m."regionId" = (SELECT r.id FROM "Region" r WHERE r.slug = ${scope.slug}) AND m."inSurveyScope"`
        : Prisma.sql`m."regionId" = (SELECT r.id FROM "Region" r WHERE r.slug = ${scope.slug})`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}
