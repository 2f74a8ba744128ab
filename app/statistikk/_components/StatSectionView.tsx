import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { BarChartSpec, StatRow, StatSection } from "@/lib/stats/tables";
import { BarChartFigure } from "./BarChartFigure";
import { StatTableView, tablePageRows } from "./StatTableView";

/** The fields a chart draws, and nothing else (the client component receives only these). */
function chartRows(rows: StatRow[], spec: BarChartSpec): StatRow[] {
  const keys = [spec.category, ...spec.series.map((s) => s.key), ...(spec.colorBy ? [spec.colorBy] : [])];
  return rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null])));
}

export function StatSectionView({ section, pageSlug, params, tablePage }: { section: StatSection; pageSlug: string; params: URLSearchParams; tablePage?: number }) {
  const headingId = `seksjon-${section.id}`;
  // A paged table's chart draws the rows on the page shown, like the table.
  const rows = tablePage === undefined ? section.table.rows : tablePageRows(section.table, tablePage).rows;
  const chart = section.chart ? chartRows(rows, section.chart) : [];
  return (
    <section aria-labelledby={headingId} className="stat-section stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {section.heading}
      </Heading>
      <Paragraph data-testid={`sammendrag-${section.id}`}>{section.summary}</Paragraph>
      {section.chart && section.table.rows.length > 0 && (
        <figure className="stat-figure">
          <BarChartFigure rows={chart} spec={section.chart} />
          <figcaption>Diagram: {section.table.title}. Tallene står i tabellen under.</figcaption>
        </figure>
      )}
      <StatTableView table={section.table} pageSlug={pageSlug} params={params} page={tablePage} />
      {section.notes && section.notes.length > 0 && (
        <ul className="stat-notes">
          {section.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
