import { yearOf } from "@/lib/domain/today";
import type { StatsQuery } from "../engine/scope";
import { percent } from "../engine/statistic";
import { arrangementsByEstablishmentPeriod, arrangementsPerEstablishmentYear, newArrangementsInPeriod } from "../establishment";
import { NEW_ARRANGEMENTS_FROM } from "../index";
import type { StatPageBody } from "../tables";
import { n, pageFigures, REPORT, round1, scopeNote } from "./shared";
import { LIVE_LABEL } from "./compare";

export async function establishmentPage(query: StatsQuery): Promise<StatPageBody> {
  const year = yearOf(query.asOf);
  const [periods, perYear, newOnes, baseline] = await Promise.all([
    arrangementsByEstablishmentPeriod(query),
    arrangementsPerEstablishmentYear(query),
    newArrangementsInPeriod(query, NEW_ARRANGEMENTS_FROM, year),
    pageFigures(["establishmentPeriods", "newArrangements", "perYear", "totalArrangements"] as const),
  ]);
  const printed = new Map((baseline.establishmentPeriods?.periods ?? []).map((p) => [p.period, p]));
  const total = periods.reduce((s, p) => s + p.arrangements, 0);
  const known = periods.filter((p) => p.key !== "not-registered").reduce((s, p) => s + p.arrangements, 0);
  const registeredPct = (count: number) => round1(percent(count, known));
  // The report's "new arrangements" period (Tabell 2.2), as printed: "2015–2021".
  const printedNew = baseline.newArrangements;
  const printedPeriod = printedNew ? `${printedNew.from}–${printedNew.to}` : null;
  return {
    intro: `Når ordningene ble etablert. Et kjent år avgjør perioden. Uten år avgjør en registrert periode${printedPeriod ? ` (for eksempel «${printedPeriod}» fra Tabell 2.2)` : ""} når hele perioden ligger innenfor én av periodene.`,
    sections: [
      {
        id: "perioder",
        heading: "Ordninger etter etableringsperiode",
        summary:
          `Etableringstidspunkt er registrert for ${n(known)} av ${n(total)} ordninger (${REPORT}: ${n(baseline.establishmentPeriods?.n ?? 0)} av ${n(baseline.totalArrangements ?? 0)}). ` +
          periods
            .filter((p) => p.arrangements > 0)
            .map((p) => `${p.label}: ${n(p.arrangements)}`)
            .join(", ") +
          ".",
        table: {
          id: "etablering",
          title: "Ordninger etter etableringsperiode",
          columns: [
            { key: "periode", header: "Periode" },
            { key: "antall", header: "Ordninger (registeret nå)", numeric: true },
            { key: "andel", header: "Andel av registrerte", numeric: true, decimals: 1, percent: true },
            { key: "rapport", header: REPORT, numeric: true },
            { key: "rapportAndel", header: `${REPORT}, andel`, numeric: true, decimals: 1, percent: true },
          ],
          rows: periods.map((p) => ({
            periode: p.key === "2015-" && baseline.establishmentPeriods && printedPeriod ? `${p.label} (rapporten: ${printedPeriod})` : p.label,
            antall: p.arrangements,
            andel: p.key === "not-registered" ? null : registeredPct(p.arrangements),
            rapport: p.reportKey ? (printed.get(p.reportKey)?.count ?? null) : null,
            rapportAndel: p.reportKey ? (printed.get(p.reportKey)?.percent ?? null) : null,
          })),
          footer: { periode: "Totalt", antall: total, rapport: baseline.establishmentPeriods?.n ?? null },
          source: "NIVI 2021, Tabell 2.1",
        },
        chart: {
          category: "periode",
          series: [
            { key: "antall", name: LIVE_LABEL },
            { key: "rapport", name: REPORT },
          ],
          layout: "horizontal",
        },
        notes: [
          ...(known < (baseline.establishmentPeriods?.n ?? 0)
            ? [
                `Registeret mangler foreløpig etableringsår for ${n(periods.find((p) => p.key === "not-registered")?.arrangements ?? 0)} ordninger; rapporten trykker ikke år per ordning. Tallene fylles ut når kommunene registrerer årstallet.`,
              ]
            : []),
          ...scopeNote(query, baseline),
        ],
      },
      {
        id: "per-aar",
        heading: "Ordninger per etableringsår",
        summary:
          perYear.length === 0
            ? "Ingen ordninger har registrert etableringsår."
            : `${n(perYear.reduce((s, y) => s + y.arrangements, 0))} ordninger har kjent etableringsår, fra ${perYear[0]!.year} til ${perYear.at(-1)!.year}. ` +
              `${REPORT} viser etableringsår for ${n(baseline.perYear?.n ?? 0)} ordninger i Figur 2.4, men trykker ikke tallene.`,
        table: {
          id: "etablering-aar",
          title: "Ordninger per etableringsår",
          columns: [
            { key: "aar", header: "År", numeric: false },
            { key: "antall", header: "Ordninger", numeric: true },
          ],
          rows: perYear.map((y) => ({ aar: String(y.year), antall: y.arrangements })),
          source: "NIVI 2021, Figur 2.4",
        },
        chart: { category: "aar", series: [{ key: "antall", name: "Ordninger" }], layout: "vertical" },
      },
      {
        id: "nye",
        heading: `Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${year}`,
        summary: `${n(newOnes.length)} ordninger er etablert i ${NEW_ARRANGEMENTS_FROM}–${year} (${REPORT}: ${n(printedNew?.count ?? 0)} i ${printedPeriod ?? "–"}).`,
        table: {
          id: "nye-ordninger",
          title: `Nye ordninger ${NEW_ARRANGEMENTS_FROM}–${year}`,
          columns: [
            { key: "ordning", header: "Ordning" },
            { key: "etablert", header: "Etablert" },
          ],
          rows: newOnes.map((a) => ({
            ordning: a.name,
            etablert: a.year !== null ? String(a.year) : `${a.periodFrom}–${a.periodTo} (år ukjent)`,
          })),
          source: "NIVI 2021, Tabell 2.2",
        },
      },
    ],
  };
}
