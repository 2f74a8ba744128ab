import type { StatsQuery } from "../engine/scope";
import { hostResponsibilityByMunicipality, hostSummary } from "../host-responsibility";
import { scopeLabel } from "../params";
import type { StatPageBody } from "../tables";
import { n, pageFigures, REPORT, scopeNote } from "./shared";

export async function hostsPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, hosts, baseline] = await Promise.all([
    hostResponsibilityByMunicipality(query),
    hostSummary(query),
    pageFigures(["perMunicipality", "hostsOutsideArea", "hostSummary", "totalArrangements", "deviations"] as const),
  ]);
  const printed = new Map((baseline.perMunicipality ?? []).map((r) => [r.municipality, r]));
  const printedOutside = new Map((baseline.hostsOutsideArea?.hosts ?? []).map((h) => [h.municipality, h.count]));
  const outsideSlugs = [...new Set([...hosts.hostsOutside.map((h) => h.slug), ...printedOutside.keys()])];
  const outsideName = new Map(hosts.hostsOutside.map((h) => [h.slug, h.name]));
  // Municipalities whose Tabell 3.2 total the report's own tables contradict upwards (Hjartdal: 34 printed, 35 in the tables).
  const tablesPlaceElsewhere = (baseline.deviations ?? [])
    .filter((d) => d.statistic === "arrangementsPerMunicipality" && d.municipality && d.registry > d.printed && printed.has(d.municipality))
    .map((d) => {
      const name = printed.get(d.municipality!)!.nameAsPrinted;
      return `${name}: Tabell 3.2 oppgir ${n(d.printed)} ordninger, men tabellene plasserer ${name} i ${n(d.registry)}.`;
    });
  const sum = (key: "hosts" | "assisted" | "arrangements" | "withoutHost") => rows.reduce((s, r) => s + r[key], 0);
  return {
    intro: "For hver kommune: ordninger den er vertskommune for, ordninger der en annen kommune er vert (bistand fra andre), og ordninger uten registrert vertskommune.",
    sections: [
      {
        id: "per-kommune",
        heading: "Vertskommune og bistand fra andre",
        summary:
          `Vertskommune er registrert for ${n(hosts.withHost)} av ${n(hosts.arrangements)} ordninger (${REPORT}: ${n(baseline.hostSummary?.arrangementsWithHost ?? 0)} av ${n(baseline.totalArrangements ?? 0)}). ` +
          `${n(rows.filter((r) => r.hosts > 0).length)} kommuner er vertskommune for minst én ordning.`,
        table: {
          id: "vertskommuner",
          title: "Vertskommuneansvar per kommune",
          columns: [
            { key: "kommune", header: "Kommune" },
            { key: "vert", header: "Vertskommune for", numeric: true },
            { key: "bistand", header: "Bistand fra andre", numeric: true },
            { key: "utenVert", header: "Uten registrert vert", numeric: true },
            { key: "totalt", header: "Totalt", numeric: true },
            { key: "rapportVert", header: `${REPORT}: vert`, numeric: true },
            { key: "rapportBistand", header: `${REPORT}: bistand`, numeric: true },
            { key: "rapportTotalt", header: `${REPORT}: totalt`, numeric: true },
          ],
          rows: rows.map((r) => {
            const p = printed.get(r.slug);
            return {
              kommune: r.name,
              vert: r.hosts,
              bistand: r.assisted,
              utenVert: r.withoutHost,
              totalt: r.arrangements,
              rapportVert: p?.hosts ?? null,
              rapportBistand: p?.assisted ?? null,
              rapportTotalt: p?.total ?? null,
            };
          }),
          footer: {
            kommune: "Sum",
            vert: sum("hosts"),
            bistand: sum("assisted"),
            utenVert: sum("withoutHost"),
            totalt: sum("arrangements"),
            rapportVert: rows.reduce((s, r) => s + (printed.get(r.slug)?.hosts ?? 0), 0),
            rapportBistand: rows.reduce((s, r) => s + (printed.get(r.slug)?.assisted ?? 0), 0),
            rapportTotalt: rows.reduce((s, r) => s + (printed.get(r.slug)?.total ?? 0), 0),
          },
          source: "NIVI 2021, Tabell 3.2",
        },
        chart: {
          category: "kommune",
          series: [
            { key: "vert", name: "Vertskommune for" },
            { key: "bistand", name: "Bistand fra andre" },
            { key: "utenVert", name: "Uten registrert vert" },
          ],
          layout: "horizontal",
        },
        notes: [
          ...(baseline.hostSummary && baseline.totalArrangements !== null
            ? [
                `Rapporten har vertskommune for ${n(baseline.hostSummary.arrangementsWithHost)} av ${n(baseline.totalArrangements)} ordninger, men trykker ikke verten per ordning. Registeret har vertskommunen der kilden navngir den; resten fylles ut av kommunene.`,
              ]
            : []),
          ...tablesPlaceElsewhere,
          ...scopeNote(query, baseline),
        ],
      },
      {
        id: "utenfor",
        heading: "Vertskommuner utenfor området",
        summary: `${n(hosts.hostedOutside)} ordninger har vertskommune utenfor ${scopeLabel(query.scope)} (${REPORT}: ${n(baseline.hostsOutsideArea?.total ?? 0)}).`,
        table: {
          id: "verter-utenfor",
          title: "Vertskommuner utenfor området",
          columns: [
            { key: "vert", header: "Vertskommune" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows: outsideSlugs
            .map((slug) => ({
              vert: outsideName.get(slug) ?? slug,
              antall: hosts.hostsOutside.find((h) => h.slug === slug)?.arrangements ?? 0,
              rapport: printedOutside.get(slug) ?? null,
            }))
            .sort((a, b) => b.antall - a.antall || (b.rapport ?? 0) - (a.rapport ?? 0)),
          footer: { vert: "Totalt", antall: hosts.hostedOutside, rapport: baseline.hostsOutsideArea?.total ?? null },
          source: "NIVI 2021, avsnitt 3.2, fotnote 9",
        },
      },
    ],
  };
}
