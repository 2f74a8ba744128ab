import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeStatistic } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { defineStatistic } from "./engine/statistic";

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
  // Counted per legal form id first, then joined with the catalogue: every form (also with zero),
  // and the arrangements without a legal form (the group with id NULL matches no form).
  ctes: () => Prisma.sql`per_form AS (
      SELECT sa."legalFormId" AS id, count(*)::int AS arrangements,
        count(*) FILTER (WHERE sa.id IN (SELECT pv."arrangementId" FROM "Provenance" pv WHERE pv.field = 'legalForm' AND pv.confidence = 'INFERRED'))::int AS inferred
      FROM scoped_a sa
      GROUP BY sa."legalFormId"
    )`,
  select: () => Prisma.sql`SELECT lf.code, coalesce(lf.name, 'Ikke registrert') AS name, coalesce(lf.outdated, FALSE) AS outdated,
      coalesce(c.arrangements, 0) AS arrangements, coalesce(c.inferred, 0) AS inferred
    FROM "LegalForm" lf
    FULL JOIN per_form c ON c.id = lf.id
    ORDER BY (lf.id IS NULL), coalesce(c.arrangements, 0) DESC, lf.name`,
  shape: (rows: LegalFormCount[]) => rows,
});

export const legalFormDistribution = (query: StatsQuery) => computeStatistic(legalFormDistributionStatistic, query);
