import { LEVELS, REGIONAL_MAX } from "@/lib/domain/levels";
import { yearOf } from "@/lib/domain/today";
import type { StatsQuery } from "../engine/scope";
import { NEW_ARRANGEMENTS_FROM } from "../index";
import { statisticsOverview, type StatisticsOverview } from "../overview";
import { scopeLabel } from "../params";
import type { StatColumn, StatPageBody, StatRow } from "../tables";
import { d1, n, pageFigures, REPORT, round1, scopeNote } from "./shared";

/** The overview's key figures as a table (live beside the report). */
export async function overviewPage(query: StatsQuery): Promise<StatPageBody & { overview: StatisticsOverview }> {
  const [o, survey] = await Promise.all([statisticsOverview(query), pageFigures([] as const)]);
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
    { key: "live", header: "Levende", numeric: true, decimals },
    { key: "report", header: REPORT, numeric: true, decimals },
  ];
  return {
    intro: "",
    overview: o,
    sections: [
      {
        id: "nokkeltall",
        heading: "Nøkkeltall",
        summary: `Per ${query.asOf} har registeret ${n(o.totals.arrangements)} aktive samarbeidsordninger for ${scopeLabel(query.scope)} (${REPORT}: ${n(r.arrangements ?? 0)}).`,
        table: { id: "nokkeltall", title: "Nøkkeltall, levende og i rapporten", columns: columns(), rows: counts, source: "NIVI 2021, Hovedpunkter og kapittel 2" },
        notes: scopeNote(query, survey),
      },
      {
        id: "snitt",
        heading: "Ordninger per kommune i snitt",
        summary: `En kommune deltar i snitt i ${d1(o.municipalities.mean)} ordninger (${REPORT}: ${d1(r.mean)}).`,
        table: { id: "snitt", title: "Gjennomsnittlig antall ordninger per kommune", columns: columns(1), rows: means, source: "NIVI 2021, avsnitt 2.2" },
      },
    ],
  };
}
