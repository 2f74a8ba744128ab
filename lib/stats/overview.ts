import { arrangementsPerMunicipality, summarizeArrangementsPerMunicipality } from "./arrangements-per-municipality";
import { readBaseline } from "./baseline";
import { crossCountyArrangements } from "./cross-county";
import { arrangementsByEstablishmentPeriod, newArrangementsInPeriod } from "./establishment";
import { arrangementsByGeographicLevel } from "./geographic-level";
import { NEW_ARRANGEMENTS_FROM } from "./index";
import { legalFormDistribution } from "./legal-forms";
import { yearOf, type StatsQuery } from "./query";
import { scopeTotals } from "./scope-totals";
import { sectorDistribution } from "./sectors";

/** The headline numbers of the report, live, with the printed figure beside each. */
export async function statisticsOverview(query: StatsQuery) {
  const [totals, perMunicipality, levels, sectors, periods, newOnes, crossCounty, legalForms, baseline] = await Promise.all([
    scopeTotals(query),
    arrangementsPerMunicipality(query),
    arrangementsByGeographicLevel(query),
    sectorDistribution(query),
    arrangementsByEstablishmentPeriod(query),
    newArrangementsInPeriod(query, NEW_ARRANGEMENTS_FROM, yearOf(query.asOf)),
    crossCountyArrangements(query),
    legalFormDistribution(query),
    readBaseline(["totalArrangements", "meanPerMunicipality", "meanByPopulationClass", "levels", "crossCounty", "newArrangements", "surveyedMunicipalities"] as const),
  ]);
  return {
    asOf: query.asOf,
    totals,
    municipalities: summarizeArrangementsPerMunicipality(perMunicipality),
    levels,
    sectors,
    establishmentPeriods: periods,
    newArrangements: newOnes.length,
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
