import type { StatsQuery } from "../engine/scope";
import { scopeLabel } from "../params";
import { scopeTotals } from "../scope-totals";
import type { StatPageBody } from "../tables";
import { participationByTaskArea } from "../task-area-participation";
import { n, pageFigures, REPORT, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

export async function taskAreasPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline, totals] = await Promise.all([participationByTaskArea(query), pageFigures(["taskAreas"] as const), scopeTotals(query)]);
  const printed = new Map((baseline.taskAreas ?? []).map((t) => [t.taskArea, t]));
  const differing = rows.filter((r) => printed.has(r.slug) && printed.get(r.slug)!.count !== r.municipalities);
  return {
    intro: `Andelen av ${scopeLabel(query.scope)} som deltar i minst én samarbeidsordning innen hvert oppgaveområde, ved siden av rapporten og Trøndelag 2020.`,
    sections: [
      {
        id: "oppgaver",
        heading: "Kommuner som deltar, per oppgaveområde",
        summary:
          `${n(rows.filter((r) => r.municipalities === totals.municipalities && totals.municipalities > 0).length)} oppgaveområder har med alle ${n(totals.municipalities)} kommunene, ` +
          `${n(rows.filter((r) => r.municipalities === 0).length)} har ingen.` +
          (query.scope.kind === "surveyed" ? ` ${n(differing.length)} av ${n(rows.length)} områder avviker fra rapporten.` : ""),
        table: {
          id: "oppgaver",
          title: "Deltakelse etter oppgaveområde",
          columns: [
            { key: "omraade", header: "Oppgaveområde" },
            { key: "kommuner", header: "Kommuner (registeret nå)", numeric: true },
            { key: "prosent", header: "Andel (registeret nå)", numeric: true, decimals: 0, percent: true },
            { key: "rapport", header: `${REPORT}, kommuner`, numeric: true },
            { key: "rapportProsent", header: `${REPORT}, andel`, numeric: true, decimals: 0, percent: true },
            { key: "trondelag", header: "Trøndelag 2020, andel", numeric: true, decimals: 0, percent: true },
          ],
          rows: rows.map((r) => {
            const p = printed.get(r.slug);
            return {
              omraade: r.name,
              kommuner: r.municipalities,
              prosent: r.percent === null ? null : Math.round(r.percent),
              rapport: p?.count ?? null,
              rapportProsent: p?.percent ?? null,
              trondelag: p?.trondelag2020Percent ?? null,
            };
          }),
          source: "NIVI 2021, Tabell 3.1; Trøndelag 2020: NIVI Rapport 2021:1",
        },
        chart: {
          category: "omraade",
          series: [
            { key: "prosent", name: LIVE_LABEL },
            { key: "rapportProsent", name: REPORT },
            { key: "trondelag", name: "Trøndelag 2020" },
          ],
          layout: "horizontal",
        },
        notes: [
          "Oppgaveområdet til hver ordning er for de fleste utledet av navn og beskrivelse; der registeret og rapporten avviker, skyldes det oftest en slik klassifisering. Rådgiveren kan rette oppgaveområdet på ordningen.",
          ...scopeNote(query, baseline),
        ],
      },
    ],
  };
}
