import "server-only";
import { REPORT_LABEL } from "@/lib/domain/report-figures";
import { todayInNorway } from "@/lib/domain/today";
import { formatShortDate } from "@/lib/format";
import type { StatsQuery } from "../engine/scope";
import type { StatColumn, StatPageBody, StatRow, StatTable } from "../tables";

/**
 * The report column for another scope than the 25 surveyed municipalities.
 *
 * The report prints its figures for the 25 surveyed municipalities together. Set beside a region
 * (Hallingdal: 56 arrangements) the printed total (221) compares different municipalities. For any
 * other scope the report column is therefore recomputed from the registry as it stood on the survey
 * date (the seeded 2021 data, which reproduces the report up to the documented deviations), for the
 * scope's municipalities that were surveyed: «Rapport 2021 (samme kommuner)».
 */

/** The label of the live column: «Registeret nå», or «Registeret 01.11.2021» for another day. */
export const LIVE_LABEL = "Registeret nå";
/** A live column's header ends with this, e.g. «Ordninger (registeret nå)». */
export const LIVE_SUFFIX = "(registeret nå)";
export const SAME_MUNICIPALITIES_LABEL = `${REPORT_LABEL}, samme kommuner`;

/** The query for the report column of a non-surveyed scope; null for the surveyed scope (the printed figures stand). */
export function comparisonQuery(query: StatsQuery, surveyDate: string | null): StatsQuery | null {
  if (query.scope.kind === "surveyed" || !surveyDate) return null;
  const scope = query.scope.kind === "region" ? { ...query.scope, surveyedOnly: true } : { kind: "surveyed" as const };
  return { ...query, asOf: surveyDate, scope };
}

/** The note under a table shown for another scope, saying what the report column now is. */
export function comparisonNote(query: StatsQuery, surveyDate: string): string {
  const who = query.scope.kind === "region" ? `kommunene i ${query.scope.name} som var med i kartleggingen` : "de 25 kartlagte kommunene (kommuner utenfor kartleggingen har ingen tall i rapporten)";
  return `«${SAME_MUNICIPALITIES_LABEL}» er regnet ut fra registeret slik det var ${formatShortDate(surveyDate)}, da kartleggingen ble lukket, for ${who}. Rapporten trykker bare tall for alle de kartlagte kommunene samlet.`;
}

/** The live column a report column is set against: `rapport` → the «(registeret nå)» column; `rapportAndel` → `andel`. */
function liveKeyFor(reportKey: string, columns: StatColumn[]): string | null {
  const rest = reportKey.replace(/^(rapport|report)/, "");
  if (rest === reportKey) return null;
  if (rest === "") return columns.find((c) => c.key === "live" || c.header.endsWith(LIVE_SUFFIX))?.key ?? null;
  const key = rest.charAt(0).toLowerCase() + rest.slice(1);
  return columns.some((c) => c.key === key) ? key : null;
}

function compareTable(table: StatTable, other: StatTable | undefined): StatTable {
  const category = table.columns[0]?.key;
  const pairs = table.columns.map((c) => [c.key, liveKeyFor(c.key, table.columns)] as const).filter((p): p is readonly [string, string] => p[1] !== null);
  if (pairs.length === 0) return table;
  const numeric = new Set(pairs.filter(([, live]) => table.columns.find((c) => c.key === live)?.numeric).map(([key]) => key));
  const fill = (row: StatRow, match: StatRow | undefined): StatRow => {
    const next: StatRow = { ...row };
    for (const [key, live] of pairs) next[key] = numeric.has(key) ? (match?.[live] ?? null) : null;
    return next;
  };
  const byCategory = new Map((other?.rows ?? []).map((r) => [String(r[category ?? ""] ?? ""), r]));
  return {
    ...table,
    columns: table.columns.map((c) =>
      pairs.some(([key]) => key === c.key) ? { ...c, header: c.header.replace(REPORT_LABEL, SAME_MUNICIPALITIES_LABEL), numeric: numeric.has(c.key) || c.numeric } : c,
    ),
    rows: table.rows.map((r) => fill(r, byCategory.get(String(r[category ?? ""] ?? "")))),
    footer: table.footer ? fill(table.footer, other?.footer) : undefined,
  };
}

/** «(Rapport 2021: 221)» and «; Rapport 2021: 40 %» in a summary: printed figures for other municipalities, left out. */
function withoutPrintedFigures(text: string): string {
  return text.replace(new RegExp(` \\(${REPORT_LABEL}[^()]*(\\([^()]*\\)[^()]*)*\\)`, "g"), "").replace(new RegExp(`; ${REPORT_LABEL}[^()]*\\)`, "g"), ")");
}

/** The page with its report columns taken from `other` (the same page for the comparison query). */
export function withComparison(body: StatPageBody, other: StatPageBody, query: StatsQuery, surveyDate: string): StatPageBody {
  const note = comparisonNote(query, surveyDate);
  return {
    ...body,
    sections: body.sections.map((section) => {
      const match = other.sections.find((s) => s.id === section.id);
      const table = compareTable(section.table, match?.table);
      const changed = table !== section.table;
      return {
        ...section,
        summary: withoutPrintedFigures(section.summary),
        table,
        chart: section.chart && { ...section.chart, series: section.chart.series.map((s) => ({ ...s, name: s.name.replace(REPORT_LABEL, SAME_MUNICIPALITIES_LABEL) })) },
        notes: changed ? [note, ...(section.notes ?? []).filter((n) => !n.startsWith("Rapportens tall gjelder"))] : section.notes,
      };
    }),
  };
}

/** For another day than today, «Registeret nå» becomes «Registeret 01.11.2021» in table titles, headers and chart legends. */
export function withLiveDate(body: StatPageBody, asOf: string): StatPageBody {
  if (asOf === todayInNorway()) return body;
  const day = formatShortDate(asOf);
  const relabel = (text: string) => text.replace(LIVE_LABEL, `Registeret ${day}`).replace(LIVE_SUFFIX, `(registeret ${day})`);
  return {
    ...body,
    sections: body.sections.map((section) => ({
      ...section,
      table: { ...section.table, title: relabel(section.table.title), columns: section.table.columns.map((c) => ({ ...c, header: relabel(c.header) })) },
      chart: section.chart && { ...section.chart, series: section.chart.series.map((s) => ({ ...s, name: relabel(s.name) })) },
    })),
  };
}
