import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic, defineStatistic, statisticSql, type StatsQuery } from "./query";

export interface LegalFormCount {
  /** null: no legal form registered. */
  code: string | null;
  name: string;
  outdated: boolean;
  arrangements: number;
  /** How many of those have the legal form marked as inferred (derived from the name or text). */
  inferred: number;
}

/**
 * Figur 3.1: active arrangements in scope per legal form (every form of the catalogue, also with
 * zero), most used first; arrangements without a legal form as a last row.
 */
export const legalFormDistributionStatistic = defineStatistic({
  name: "legalForms",
  pass: "arrangements",
  ctes: () => Prisma.sql`scoped AS (
      SELECT sa.id, sa."legalFormId",
        sa.id IN (SELECT pv."arrangementId" FROM "Provenance" pv WHERE pv.field = 'legalForm' AND pv.confidence = 'INFERRED') AS inferred
      FROM scoped_a sa
    )`,
  select: () => Prisma.sql`SELECT lf.code, coalesce(lf.name, 'Ikke registrert') AS name, coalesce(lf.outdated, FALSE) AS outdated,
      count(s.id)::int AS arrangements, count(s.id) FILTER (WHERE s.inferred)::int AS inferred
    FROM "LegalForm" lf
    FULL JOIN scoped s ON s."legalFormId" = lf.id
    GROUP BY lf.id, lf.code, lf.name, lf.outdated
    HAVING lf.id IS NOT NULL OR count(s.id) > 0
    ORDER BY (lf.id IS NULL), count(s.id) DESC, lf.name`,
  shape: (rows: LegalFormCount[]) => rows,
});

export const legalFormDistributionSql = (query: StatsQuery) => statisticSql(legalFormDistributionStatistic, query);
export const legalFormDistribution = (query: StatsQuery) => computeStatistic(legalFormDistributionStatistic, query);
