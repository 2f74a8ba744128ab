import { formatPercent } from "@/lib/format";
import type { StatsQuery } from "../engine/scope";
import { percent } from "../engine/statistic";
import { sectorDistribution } from "../sectors";
import type { StatPageBody } from "../tables";
import { n, pageFigures, REPORT, round1, scopeNote } from "./shared";

export async function sectorsPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline] = await Promise.all([sectorDistribution(query), pageFigures(["sectors"] as const)]);
  const printed = new Map((baseline.sectors ?? []).map((s) => [s.code, s]));
  const total = rows.reduce((s, r) => s + r.arrangements, 0);
  const top = [...rows].sort((a, b) => b.arrangements - a.arrangements)[0];
  return {
    intro: "Ordningene fordelt på de ti sektorene i kapittel 5 og de regionale politiske organene.",
    sections: [
      {
        id: "sektorer",
        heading: "Ordninger etter sektor",
        summary: top
          ? `Flest ordninger er innen ${top.name.toLowerCase()} (${n(top.arrangements)} av ${n(total)}). ` +
            `Helse og sosial utgjør til sammen ${formatPercent(percent(rows.filter((r) => r.code === "HEALTH" || r.code === "SOCIAL").reduce((s, r) => s + r.arrangements, 0), total) ?? 0)} (${REPORT}: «nærmere 40 prosent»).`
          : "Ingen ordninger.",
        table: {
          id: "sektorer",
          title: "Ordninger etter sektor",
          columns: [
            { key: "sektor", header: "Sektor" },
            { key: "antall", header: "Ordninger (levende)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows: rows.map((r) => ({ sektor: r.name, antall: r.arrangements, andel: round1(percent(r.arrangements, total)), rapport: printed.get(r.code)?.count ?? null })),
          footer: { sektor: "Totalt", antall: total, andel: total ? 100 : null, rapport: (baseline.sectors ?? []).reduce((s, r) => s + r.count, 0) || null },
          source: "NIVI 2021, Figur 5.1 og Tabell 5.1–5.10",
        },
        chart: { category: "sektor", series: [{ key: "antall", name: "Levende" }, { key: "rapport", name: REPORT }], layout: "horizontal" },
        notes: ["Rapportens 7 regionale politiske organer er ikke trykt, men er differansen mellom 221 og summen av Tabell 5.1–5.10.", ...scopeNote(query, baseline)],
      },
    ],
  };
}
