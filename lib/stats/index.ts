import type { Prisma } from "@/lib/generated/prisma/client";
import { arrangementsPerMunicipality, arrangementsPerMunicipalitySql } from "./arrangements-per-municipality";
import { crossCountyArrangements, crossCountySql } from "./cross-county";
import {
  arrangementsByEstablishmentPeriod,
  arrangementsPerEstablishmentYear,
  arrangementsPerYearSql,
  establishmentPeriodsSql,
  newArrangementsInPeriod,
  newArrangementsSql,
} from "./establishment";
import { arrangementsByGeographicLevel, geographicLevelsSql } from "./geographic-level";
import { hostSummary, hostSummarySql } from "./host-responsibility";
import { legalFormDistribution, legalFormDistributionSql } from "./legal-forms";
import { yearOf, type StatsQuery } from "./query";
import { scopeTotals, scopeTotalsSql } from "./scope-totals";
import { sectorDistribution, sectorDistributionSql } from "./sectors";
import { serviceStructureByTaskArea, serviceStructureSql } from "./service-structure";
import { staffingSql, staffingTables } from "./staffing";
import { participationByTaskArea, taskAreaParticipationSql } from "./task-area-participation";

/** The report's "new arrangements" period (Tabell 2.2) starts in 2015 and runs to the day's year. */
export const NEW_ARRANGEMENTS_FROM = 2015;

/**
 * Every statistic of the report, each with the SQL it runs (so the benchmark can time the same
 * aggregate as raw SQL) and the module function that runs and shapes it.
 */
export const STATISTICS: { name: string; sql: (q: StatsQuery) => Prisma.Sql; compute: (q: StatsQuery) => Promise<unknown> }[] = [
  { name: "scopeTotals", sql: scopeTotalsSql, compute: scopeTotals },
  { name: "arrangementsPerMunicipality", sql: arrangementsPerMunicipalitySql, compute: arrangementsPerMunicipality },
  { name: "hostSummary", sql: hostSummarySql, compute: hostSummary },
  { name: "geographicLevels", sql: geographicLevelsSql, compute: arrangementsByGeographicLevel },
  { name: "establishmentPeriods", sql: establishmentPeriodsSql, compute: arrangementsByEstablishmentPeriod },
  { name: "arrangementsPerYear", sql: arrangementsPerYearSql, compute: arrangementsPerEstablishmentYear },
  {
    name: "newArrangements",
    sql: (q) => newArrangementsSql(q, NEW_ARRANGEMENTS_FROM, yearOf(q.asOf)),
    compute: (q) => newArrangementsInPeriod(q, NEW_ARRANGEMENTS_FROM, yearOf(q.asOf)),
  },
  { name: "crossCounty", sql: crossCountySql, compute: crossCountyArrangements },
  { name: "taskAreaParticipation", sql: taskAreaParticipationSql, compute: participationByTaskArea },
  { name: "legalForms", sql: legalFormDistributionSql, compute: legalFormDistribution },
  { name: "sectors", sql: sectorDistributionSql, compute: sectorDistribution },
  { name: "staffing", sql: staffingSql, compute: staffingTables },
  { name: "serviceStructure", sql: serviceStructureSql, compute: serviceStructureByTaskArea },
];

export { type StatsQuery, type StatsScope, todayInNorway, SURVEYED } from "./query";
