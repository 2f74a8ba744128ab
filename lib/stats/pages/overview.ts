import { LEVELS, REGIONAL_MAX } from "@/lib/domain/levels";
import { yearOf } from "@/lib/domain/today";
import type { StatsQuery } from "../engine/scope";
import { NEW_ARRANGEMENTS_FROM } from "../index";
import { statisticsOverview, type StatisticsOverview } from "../overview";
import { scopeLabel } from "../params";
import type { StatColumn, StatPageBody, StatRow } from "../tables";
import { d1, n, pageFigures, REPORT, round1, scopeNote } from "./shared";
import { comparisonNote, comparisonQuery, LIVE_LABEL, SAME_MUNICIPALITIES_LABEL } from "./compare";
import { formatShortDate } from "@/lib/format";

/** The overview's key figures as a table (live beside the report). */
export async function overviewPage(query: StatsQuery): Promise<StatPageBody & { overview: StatisticsOverview; comparedWith: string | null }> {
  const survey = await pageFigures([] as const);
  const other = comparisonQuery(query, survey.surveyFileCompleted ?? null);
  const [live, same] = await Promise.all([statisticsOverview(query), other ? statisticsOverview(other) : null]);
  // Another scope than the surveyed 25: the report column is the same municipalities on the survey date (compare.ts).
  const o: StatisticsOverview = same ? { ...live, report: sameMunicipalitiesReport(same) } : live;
  const r = o.report;
  const row = (figure: string, live: number | null, report: number | null | undefined, decimals = false): StatRow => ({
    figure,
    live: live === null ? null : decimals ? round1(live) : live,
    report: report ?? null,
  });
  const counts = [
    row("Samarbeidsordninger", o.totals.arrangements, r.arrangements),
    row("Kommuner i utvalget", o.totals.municipalities, r.municipalities),
    row(`Lokale ordninger (${LEVELS[0].range})`, o.levels.local, r.levels?.local),
    row(`Regionale ordninger (${LEVELS[1].range})`, o.levels.regional, r.levels?.regional),
    row(`Ordninger på høyere nivå (${REGIONAL_MAX + 1}+ kommuner)`, o.levels.higher, r.levels?.higher),
    row(`Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${yearOf(query.asOf)}`, o.newArrangements, r.newArrangements),
    row("Ordninger over fylkesgrensene", o.crossCounty.total, r.crossCounty),
  ];
  const means = [
    row("Alle kommuner", o.municipalities.mean, r.mean, true),
    ...o.municipalities.byPopulationClass.map((c) => row(`${c.label} innbyggere`, c.mean, r.meanByPopulationClass?.find((p) => p.class === c.key)?.mean, true)),
  ];
  const columns = (decimals?: number): StatColumn[] => [
    { key: "figure", header: "Nøkkeltall" },
    { key: "live", header: LIVE_LABEL, numeric: true, decimals },
    { key: "report", header: same ? SAME_MUNICIPALITIES_LABEL : REPORT, numeric: true, decimals },
  ];
  return {
    intro: "",
    overview: o,
    comparedWith: other && survey.surveyFileCompleted ? comparisonNote(query, survey.surveyFileCompleted) : null,
    sections: [
      {
        id: "nokkeltall",
        heading: "Nøkkeltall",
        summary: `Per ${formatShortDate(query.asOf)} har registeret ${n(o.totals.arrangements)} aktive samarbeidsordninger for ${scopeLabel(query.scope)} (${same ? SAME_MUNICIPALITIES_LABEL : REPORT}: ${n(r.arrangements ?? 0)}).`,
        table: { id: "nokkeltall", title: "Nøkkeltall, registeret og rapporten", columns: columns(), rows: counts, source: "NIVI 2021, Hovedpunkter og kapittel 2" },
        notes: other && survey.surveyFileCompleted ? [comparisonNote(query, survey.surveyFileCompleted)] : scopeNote(query, survey),
      },
      {
        id: "snitt",
        heading: "Ordninger per kommune i snitt",
        summary: `En kommune deltar i snitt i ${d1(o.municipalities.mean)} ordninger (${same ? SAME_MUNICIPALITIES_LABEL : REPORT}: ${d1(r.mean)}).`,
        table: { id: "snitt", title: "Gjennomsnittlig antall ordninger per kommune", columns: columns(1), rows: means, source: "NIVI 2021, avsnitt 2.2" },
      },
    ],
  };
}

/** The overview's report figures computed from the registry for the same municipalities on the survey date. */
function sameMunicipalitiesReport(same: StatisticsOverview): StatisticsOverview["report"] {
  return {
    arrangements: same.totals.arrangements,
    municipalities: same.totals.municipalities,
    mean: same.municipalities.mean,
    meanByPopulationClass: same.municipalities.byPopulationClass.flatMap((c) =>
      c.mean === null ? [] : [{ class: c.key, label: c.label, mean: c.mean, municipalities: c.municipalities, source: "" }],
    ),
    levels: { ...same.levels, localPercent: 0, regionalPercent: 0, higherPercent: 0, source: "" },
    crossCounty: same.crossCounty.total,
    newArrangements: same.newArrangements,
  };
}
