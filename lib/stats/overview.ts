import "server-only";
import { prisma } from "@/lib/db";
import { readReportFigures } from "@/lib/domain/report-figures";
import { arrangementsPerMunicipalityStatistic, summarizeArrangementsPerMunicipality, type MunicipalityArrangementCount } from "./arrangements-per-municipality";
import { crossCountyStatistic, type CrossCountySummary } from "./cross-county";
import { establishmentPeriodsStatistic, newArrangementsCountStatistic, type EstablishmentPeriodCount } from "./establishment";
import { geographicLevelsStatistic, type GeographicLevels } from "./geographic-level";
import { NEW_ARRANGEMENTS_FROM } from "./index";
import { legalFormDistributionStatistic, type LegalFormCount } from "./legal-forms";
import { computeStatisticsSet } from "./engine/runner";
import type { StatsQuery } from "./engine/scope";
import { scopeTotalsStatistic, type ScopeTotals } from "./scope-totals";
import { sectorDistributionStatistic, type SectorCount } from "./sectors";

/** The headline numbers of the report, live, with the printed figure beside each. */
export async function statisticsOverview(query: StatsQuery) {
  // The eight statistics as two statements in parallel sharing one snapshot (docs/decisions/0027).
  const [set, baseline] = await Promise.all([
    computeStatisticsSet(
      [
        scopeTotalsStatistic,
        arrangementsPerMunicipalityStatistic,
        geographicLevelsStatistic,
        sectorDistributionStatistic,
        establishmentPeriodsStatistic,
        newArrangementsCountStatistic(NEW_ARRANGEMENTS_FROM, null),
        crossCountyStatistic,
        legalFormDistributionStatistic,
      ],
      query,
    ),
    readReportFigures(prisma, ["totalArrangements", "meanPerMunicipality", "meanByPopulationClass", "levels", "crossCounty", "newArrangements", "surveyedMunicipalities"] as const),
  ]);
  const [totals, perMunicipality, levels, sectors, periods, newOnes, crossCounty, legalForms] = set as [
    ScopeTotals,
    MunicipalityArrangementCount[],
    GeographicLevels,
    SectorCount[],
    EstablishmentPeriodCount[],
    number,
    CrossCountySummary,
    LegalFormCount[],
  ];
  return {
    asOf: query.asOf,
    totals,
    municipalities: summarizeArrangementsPerMunicipality(perMunicipality),
    levels,
    sectors,
    establishmentPeriods: periods,
    newArrangements: newOnes,
    crossCounty: { total: crossCounty.total, countyMapDate: crossCounty.countyMapDate, groups: crossCounty.groups },
    legalForms,
    report: {
      arrangements: baseline.totalArrangements,
      municipalities: baseline.surveyedMunicipalities?.value ?? null,
      mean: baseline.meanPerMunicipality?.value ?? null,
      meanByPopulationClass: baseline.meanByPopulationClass,
      levels: baseline.levels,
      crossCounty: baseline.crossCounty?.total ?? null,
      newArrangements: baseline.newArrangements?.count ?? null,
    },
  };
}

export type StatisticsOverview = Awaited<ReturnType<typeof statisticsOverview>>;
