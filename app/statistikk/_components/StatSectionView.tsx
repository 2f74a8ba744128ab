import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { StatSection } from "@/lib/stats/tables";
import { BarChartFigure } from "./BarChartFigure";
import { StatTableView } from "./StatTableView";

export function StatSectionView({ section, pageSlug, params }: { section: StatSection; pageSlug: string; params: URLSearchParams }) {
  const headingId = `seksjon-${section.id}`;
  return (
    <section aria-labelledby={headingId} className="stat-section stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {section.heading}
      </Heading>
      <Paragraph data-testid={`sammendrag-${section.id}`}>{section.summary}</Paragraph>
      {section.chart && section.table.rows.length > 0 && (
        <figure className="stat-figure">
          <BarChartFigure rows={section.table.rows} spec={section.chart} />
          <figcaption>Diagram: {section.table.title}. Tallene står i tabellen under.</figcaption>
        </figure>
      )}
      <StatTableView table={section.table} pageSlug={pageSlug} params={params} />
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
