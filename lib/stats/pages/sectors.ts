import { formatPercent } from "@/lib/format";
import type { StatsQuery } from "../engine/scope";
import { percent } from "../engine/statistic";
import { sectorDistribution } from "../sectors";
import type { StatPageBody } from "../tables";
import { inWords, n, pageFigures, REPORT, round1, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

export async function sectorsPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline] = await Promise.all([sectorDistribution(query), pageFigures(["sectors", "sectorsText", "totalArrangements"] as const)]);
  const printed = new Map((baseline.sectors ?? []).map((s) => [s.code, s]));
  const total = rows.reduce((s, r) => s + r.arrangements, 0);
  const top = [...rows].sort((a, b) => b.arrangements - a.arrangements)[0];
  // The report's words on health and social services together ("nærmere 40 prosent", avsnitt 5.1).
  const healthAndSocial = (baseline.sectorsText ?? []).find((t) => t.codes.includes("HEALTH") && t.codes.includes("SOCIAL"));
  const healthAndSocialCodes: string[] = healthAndSocial?.codes ?? ["HEALTH", "SOCIAL"];
  const printedShare = healthAndSocial ? (/(?:(?:nærmere|nær|om lag|vel|over|under) )?\d+ prosent/.exec(healthAndSocial.text)?.[0] ?? healthAndSocial.text) : "ikke trykt";
  const regionalBodies = (baseline.sectors ?? []).find((r) => r.code === "REGIONAL_POLITICAL");
  const regionalBodiesNote = (): string[] =>
    regionalBodies && baseline.totalArrangements !== null
      ? [`Rapportens ${n(regionalBodies.count)} regionale politiske organer er ikke trykt, men er differansen mellom ${n(baseline.totalArrangements)} og summen av Tabell 5.1–5.10.`]
      : [];
  return {
    intro: `Ordningene fordelt på de ${inWords((baseline.sectors ?? []).filter((r) => r.code !== "REGIONAL_POLITICAL").length)} sektorene i kapittel 5 og de regionale politiske organene.`,
    sections: [
      {
        id: "sektorer",
        heading: "Ordninger etter sektor",
        summary: top
          ? `Flest ordninger er innen ${top.name.toLowerCase()} (${n(top.arrangements)} av ${n(total)}). ` +
            `Helse og sosial utgjør til sammen ${formatPercent(
              percent(
                rows.filter((r) => healthAndSocialCodes.includes(r.code)).reduce((s, r) => s + r.arrangements, 0),
                total,
              ) ?? 0,
            )} (${REPORT}: «${printedShare}»).`
          : "Ingen ordninger.",
        table: {
          id: "sektorer",
          title: "Ordninger etter sektor",
          columns: [
            { key: "sektor", header: "Sektor" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
          ],
          rows: rows.map((r) => ({ sektor: r.name, antall: r.arrangements, andel: round1(percent(r.arrangements, total)), rapport: printed.get(r.code)?.count ?? null })),
          footer: { sektor: "Totalt", antall: total, andel: total ? 100 : null, rapport: (baseline.sectors ?? []).reduce((s, r) => s + r.count, 0) || null },
          source: "NIVI 2021, Figur 5.1 og Tabell 5.1–5.10",
        },
        chart: {
          category: "sektor",
          series: [
            { key: "antall", name: LIVE_LABEL },
            { key: "rapport", name: REPORT },
          ],
          layout: "horizontal",
        },
        notes: [...regionalBodiesNote(), ...scopeNote(query, baseline)],
      },
    ],
  };
}
