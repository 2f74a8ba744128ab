import { formatShortDate } from "@/lib/format";
import { compareCrossCountyWithReport, CROSS_COUNTY_GROUPS, crossCountyArrangements } from "../cross-county";
import type { StatsQuery } from "../engine/scope";
import type { StatPageBody, StatRow } from "../tables";
import { inWords, n, pageFigures, REPORT, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

/** How the printed tables' row numbers run irregularly: "Tabell 2.5 hopper dessuten over nr. 13 og har to nr. 31." */
function numberingNotes(tables: Record<string, { rows: { nr: number }[] }>): string[] {
  return Object.keys(tables)
    .sort()
    .flatMap((key) => {
      const numbers = tables[key]!.rows.map((r) => r.nr);
      const count = new Map<number, number>();
      for (const nr of numbers) count.set(nr, (count.get(nr) ?? 0) + 1);
      const skipped = Array.from({ length: Math.max(0, ...numbers) }, (_, i) => i + 1).filter((nr) => !count.has(nr));
      const repeated = [...count].filter(([, times]) => times > 1);
      const parts = [...(skipped.length ? [`hopper dessuten over nr. ${skipped.join(", ")}`] : []), ...repeated.map(([nr, times]) => `har ${inWords(times)} nr. ${nr}`)];
      return parts.length ? [`Tabell ${key} ${parts.join(" og ")}.`] : [];
    });
}

export async function crossCountyPage(query: StatsQuery): Promise<StatPageBody> {
  const [result, baseline] = await Promise.all([crossCountyArrangements(query), pageFigures(["crossCounty"] as const)]);
  const printedGroups = new Map((baseline.crossCounty?.groups ?? []).map((g) => [g.key, g]));
  const comparison = compareCrossCountyWithReport(result.arrangements, baseline.crossCounty?.tables ?? {});
  const groupName = new Map<string, string>(CROSS_COUNTY_GROUPS.map((g) => [g.key, g.name]));
  const onlyLive = comparison.filter((c) => c.slug && !c.printed).length;
  const onlyPrinted = comparison.filter((c) => !c.slug).length;
  const vt = result.groups.find((g) => g.key === "vestfold-og-telemark")?.detail;
  return {
    intro:
      `En ordning krysser fylkesgrensen når de deltakende kommunene ligger i minst to fylker etter dagens fylkeskart (per ${formatShortDate(result.countyMapDate)}), slik rapporten gjør. ` +
      "Ordningene grupperes etter fylkene utenom Buskerud.",
    sections: [
      {
        id: "grupper",
        heading: "Ordninger som krysser fylkesgrensen",
        summary:
          `${n(result.total)} ordninger krysser fylkesgrensen (${REPORT}: ${n(baseline.crossCounty?.total ?? 0)}). ` +
          result.groups.map((g) => `${g.name}: ${n(g.arrangements)}`).join(", ") +
          (vt ? ` (Vestfold og Telemark: Telemark ${n(vt.telemark)}, Vestfold ${n(vt.vestfold)}, begge ${n(vt.both)}).` : "."),
        table: {
          id: "fylkesgrenser",
          title: "Ordninger over fylkesgrensene etter fylke",
          columns: [
            { key: "gruppe", header: "Fylke" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "rapport", header: REPORT, numeric: true },
            { key: "tabell", header: "Rapportens tabell" },
          ],
          rows: result.groups.flatMap((g) => {
            const p = printedGroups.get(g.key === "akershus-oslo" ? "akershus-oslo" : g.key);
            const row: StatRow = { gruppe: g.name, antall: g.arrangements, rapport: p?.count ?? null, tabell: `Tabell ${g.reportTable}` };
            if (!g.detail) return [row];
            const pd = p?.detail ?? {};
            return [
              row,
              { gruppe: "– bare Telemark", antall: g.detail.telemark, rapport: pd.telemark ?? null, tabell: null },
              { gruppe: "– bare Vestfold", antall: g.detail.vestfold, rapport: pd.vestfold ?? null, tabell: null },
              { gruppe: "– både Vestfold og Telemark", antall: g.detail.both, rapport: pd.both ?? null, tabell: null },
            ];
          }),
          footer: { gruppe: "Totalt", antall: result.total, rapport: baseline.crossCounty?.total ?? null },
          source: "NIVI 2021, avsnitt 2.5",
        },
        chart: {
          category: "gruppe",
          series: [
            { key: "antall", name: LIVE_LABEL },
            { key: "rapport", name: REPORT },
          ],
          layout: "horizontal",
        },
        notes: [
          `${n(onlyLive)} ordninger krysser grensen i registeret uten å stå i rapportens lister, og ${n(onlyPrinted)} står i listene uten å krysse grensen etter dagens kart. ` +
            "Hovedårsakene: Jevnaker og Lunner ble flyttet fra Viken til Akershus i 2024, så samarbeid mellom Jevnaker og Ringeriksregionen krysser nå en fylkesgrense; " +
            `og rapportens tabeller mangler noen ordninger som krysser grensen (en streng regel gir flere enn ${n(baseline.crossCounty?.total ?? 0)}).` +
            numberingNotes(baseline.crossCounty?.tables ?? {})
              .map((note) => ` ${note}`)
              .join(""),
          ...scopeNote(query, baseline),
        ],
      },
      {
        id: "ordninger",
        heading: "Ordningene i registeret og i rapportens tabeller",
        summary: `Listen viser alle ${n(result.total)} ordningene som krysser fylkesgrensen nå, og rapportens rader i Tabell 2.4–2.7 ved siden av.`,
        table: {
          id: "fylkesgrenser-ordninger",
          title: "Ordninger over fylkesgrensene",
          columns: [
            { key: "ordning", header: "Ordning" },
            { key: "fylker", header: "Fylker (dagens kart)" },
            { key: "gruppe", header: "Gruppe (registeret nå)" },
            { key: "rapport", header: `${REPORT}: tabell og rad` },
            { key: "status", header: "Sammenligning" },
          ],
          rows: comparison.map((c) => ({
            ordning: c.name,
            fylker: c.counties.join(", ") || null,
            gruppe: c.liveGroup ? groupName.get(c.liveGroup)! : null,
            rapport: c.printed ? `Tabell ${c.printed.table}, nr. ${c.printed.nr}` : null,
            status: c.slug && c.printed ? "I begge" : c.slug ? "Bare i registeret" : "Bare i rapporten",
          })),
          source: "NIVI 2021, Tabell 2.4–2.7",
        },
      },
    ],
  };
}
