import { formatPercent } from "@/lib/format";
import type { StatsQuery } from "../engine/scope";
import { percent } from "../engine/statistic";
import { legalFormDistribution } from "../legal-forms";
import type { StatPageBody } from "../tables";
import { n, pageFigures, REPORT, round1, scopeNote } from "./shared";

export async function legalFormsPage(query: StatsQuery): Promise<StatPageBody> {
  const [rows, baseline] = await Promise.all([legalFormDistribution(query), pageFigures(["legalForms"] as const)]);
  const total = rows.reduce((s, r) => s + r.arrangements, 0);
  const printedFor = (code: string | null) =>
    (baseline.legalForms ?? [])
      .filter((b) => code !== null && (b.code === code || b.codes?.includes(code)))
      .map((b) => b.text)
      .join(" / ") || null;
  /** The printed figure for exactly these codes (avsnitt 3.3), and the live count over the same codes. */
  const printedGroup = (codes: string[]) =>
    (baseline.legalForms ?? []).find((b) => {
      const own = b.codes ?? (b.code ? [b.code] : []);
      return own.length === codes.length && codes.every((c) => own.includes(c));
    });
  const liveCount = (codes: string[]) => rows.filter((r) => r.code !== null && codes.includes(r.code)).reduce((s, r) => s + r.arrangements, 0);
  const printedPercent = (codes: string[]) => {
    const value = printedGroup(codes)?.percent;
    return value === undefined ? "ikke trykt" : formatPercent(value);
  };
  const printedCount = (codes: string[]) => {
    const value = printedGroup(codes)?.count;
    return value === undefined || value === null ? "ikke trykt" : n(value);
  };
  const companies = liveCount(["IKS", "AS"]);
  const hostAdmin = liveCount(["HOST_ADMIN"]);
  const koIpr = liveCount(["KO", "IPR"]);
  const oldBoards = printedGroup(["OLD_27"])?.count;
  return {
    intro:
      "Ordningene etter juridisk tilknytningsform. Rapporten oppgir ikke formen per ordning; registeret har utledet den av navn og tekst der den ikke er oppgitt, og merker slike verdier som utledet.",
    sections: [
      {
        id: "former",
        heading: "Ordninger etter tilknytningsform",
        summary:
          `Administrativt vertskommunesamarbeid: ${n(hostAdmin)} av ${n(total)} (${formatPercent(percent(hostAdmin, total) ?? 0)}; ${REPORT}: ${printedPercent(["HOST_ADMIN"])}). ` +
          `Selskaper (IKS og AS): ${n(companies)} (${formatPercent(percent(companies, total) ?? 0)}; ${REPORT}: ${printedPercent(["IKS", "AS"])}). ` +
          `Kommunalt oppgavefellesskap og interkommunalt politisk råd: ${n(koIpr)} (${REPORT}: ${printedCount(["KO", "IPR"])}).`,
        table: {
          id: "tilknytningsformer",
          title: "Ordninger etter juridisk tilknytningsform",
          columns: [
            { key: "form", header: "Tilknytningsform" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "andel", header: "Andel", numeric: true, decimals: 1, percent: true },
            { key: "utledet", header: "Av disse utledet", numeric: true },
            { key: "rapport", header: REPORT },
          ],
          rows: rows.map((r) => ({
            form: r.outdated ? `${r.name} (utdatert)` : r.name,
            antall: r.arrangements,
            andel: round1(percent(r.arrangements, total)),
            utledet: r.inferred,
            rapport: printedFor(r.code),
          })),
          footer: { form: "Totalt", antall: total, andel: total ? 100 : null, utledet: rows.reduce((s, r) => s + r.inferred, 0) },
          source: "NIVI 2021, Figur 3.1 og avsnitt 3.3",
        },
        chart: { category: "form", series: [{ key: "antall", name: "Ordninger" }], layout: "horizontal" },
        notes: [
          `Rapporten fant ${oldBoards === undefined || oldBoards === null ? "flere" : n(oldBoards)} ordninger med styre etter gammel kommunelov § 27; registeret har bare dem der kilden sier det. Overgangsreglene krevde omdanning innen fire år, så slike ordninger er merket som utdatert.`,
          ...scopeNote(query, baseline),
        ],
      },
    ],
  };
}
