import { RECENT_FROM } from "@/lib/domain/establishment";
import { arrangementsPerMunicipalityStatistic } from "./arrangements-per-municipality";
import { crossCountyListing, crossCountyStatistic } from "./cross-county";
import { arrangementsPerYearStatistic, establishmentPeriodsStatistic, newArrangementsCountStatistic, newArrangementsStatistic } from "./establishment";
import { geographicLevelsStatistic } from "./geographic-level";
import { hostSummaryStatistic } from "./host-responsibility";
import { legalFormDistributionStatistic } from "./legal-forms";
import { computeStatistic, computeStatisticsSet, computeStatisticsSetInOneStatement, statisticSql, statisticsSetPassesSql, statisticsSetSql } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import type { AnyStatistic, SomeStatistic } from "./engine/statistic";
import { scopeTotalsStatistic } from "./scope-totals";
import { sectorDistributionStatistic } from "./sectors";
import { serviceStructureStatistic } from "./service-structure";
import { staffedArrangementsStatistic } from "./staffing";
import { taskAreaParticipationStatistic } from "./task-area-participation";

/** The report's "new arrangements" period (Tabell 2.2) starts in 2015 and runs to the day's year. */
export const NEW_ARRANGEMENTS_FROM = RECENT_FROM;

/**
 * Every statistic of the report, in the order of the report: the aggregates (counts, sums, shares).
 * The per-arrangement listings the report pages show beside them are LISTINGS, not part of the set
 * (docs/decisions/0026).
 */
export const STATISTIC_DEFINITIONS: AnyStatistic[] = [
  scopeTotalsStatistic,
  arrangementsPerMunicipalityStatistic,
  hostSummaryStatistic,
  geographicLevelsStatistic,
  establishmentPeriodsStatistic,
  arrangementsPerYearStatistic,
  newArrangementsCountStatistic(NEW_ARRANGEMENTS_FROM, null),
  crossCountyStatistic,
  taskAreaParticipationStatistic,
  legalFormDistributionStatistic,
  sectorDistributionStatistic,
  serviceStructureStatistic,
];

/**
 * The detail listings (one row per arrangement) of the report pages: the new arrangements of
 * Tabell 2.2 (/statistikk/etablering), the crossing arrangements of Tabell 2.4–2.7
 * (/statistikk/fylkesgrenser) and the staffed arrangements of Tabell 2.3, 3.3, 3.4 and Figur 3.5
 * (/statistikk/bemanning). Each is queried only by its page and that page's export.
 */
export const LISTING_DEFINITIONS: SomeStatistic[] = [newArrangementsStatistic(NEW_ARRANGEMENTS_FROM, null), crossCountyListing, staffedArrangementsStatistic];

/**
 * Each statistic with the SQL it runs alone (so the benchmark can time the same aggregate as raw
 * SQL) and the module function that runs and shapes it.
 */
export const STATISTICS = STATISTIC_DEFINITIONS.map((d) => ({
  name: d.name,
  sql: (q: StatsQuery) => statisticSql(d, q),
  compute: (q: StatsQuery) => computeStatistic(d, q),
}));

export const LISTINGS = LISTING_DEFINITIONS.map((d) => ({
  name: d.name,
  sql: (q: StatsQuery) => statisticSql(d, q),
  compute: (q: StatsQuery) => computeStatistic(d, q),
}));

/**
 * Every statistic at once: one statement per pass over the participations (per municipality, per
 * arrangement), run in parallel on two connections sharing one snapshot (docs/decisions/0027, 0028).
 */
export async function statisticsSet(query: StatsQuery): Promise<Record<string, unknown>> {
  const results = await computeStatisticsSet(STATISTIC_DEFINITIONS, query);
  return Object.fromEntries(STATISTIC_DEFINITIONS.map((d, i) => [d.name, results[i]]));
}

/** The same set as ONE statement on one connection (the plain path; the benchmark compares both). */
export async function statisticsSetInOneStatement(query: StatsQuery): Promise<Record<string, unknown>> {
  const results = await computeStatisticsSetInOneStatement(STATISTIC_DEFINITIONS, query);
  return Object.fromEntries(STATISTIC_DEFINITIONS.map((d, i) => [d.name, results[i]]));
}

export const statisticsSetSqlFor = (query: StatsQuery) => statisticsSetSql(STATISTIC_DEFINITIONS, query);
export const statisticsSetPassesSqlFor = (query: StatsQuery) => statisticsSetPassesSql(STATISTIC_DEFINITIONS, query);

export { type StatsQuery, type StatsScope, SURVEYED } from "./engine/scope";
