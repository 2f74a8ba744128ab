import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { formatInteger, formatShortDate } from "@/lib/format";
import type { SnapshotComparison } from "@/lib/rounds/snapshots";

const formatDay = formatShortDate;
const signed = (n: number) => (n > 0 ? `+${formatInteger(n)}` : n < 0 ? `−${formatInteger(-n)}` : "0");

/** New, ended and changed arrangements and the counts per municipality between two snapshots. */
export function ComparisonView({ value, headingLevel = 2, showMunicipalities = true }: { value: SnapshotComparison; headingLevel?: 2 | 3; showMunicipalities?: boolean }) {
  const { comparison: c, from, to } = value;
  if (!showMunicipalities && c.added.length + c.ended.length + c.changed.length === 0) {
    return (
      <Paragraph data-testid="sammenligning">
        Ingen nye, avsluttede eller endrede ordninger mellom «{from.name}» ({formatDay(from.asOf)}) og «{to.name}» ({formatDay(to.asOf)}). Antall ordninger: {formatInteger(c.to.count)}.
      </Paragraph>
    );
  }
  return (
    <div className="stack" data-testid="sammenligning">
      <Paragraph>
        «{from.name}» ({formatDay(from.asOf)}): <strong>{formatInteger(c.from.count)}</strong> ordninger. «{to.name}» ({formatDay(to.asOf)}): <strong>{formatInteger(c.to.count)}</strong> ordninger.
      </Paragraph>
      <section className="stack" aria-label="Nye ordninger">
        <Heading level={headingLevel} data-size="sm">
          Nye ordninger ({c.added.length})
        </Heading>
        {c.added.length ? (
          <ul data-testid="nye-ordninger">
            {c.added.map((a) => (
              <li key={a.id}>
                <NextLink href={`/ordninger/${a.slug}`} className="ds-link">
                  {a.name}
                </NextLink>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>Ingen.</Paragraph>
        )}
      </section>
      <section className="stack" aria-label="Avsluttede ordninger">
        <Heading level={headingLevel} data-size="sm">
          Avsluttede ordninger ({c.ended.length})
        </Heading>
        {c.ended.length ? (
          <ul data-testid="avsluttede-ordninger">
            {c.ended.map((a) => (
              <li key={a.id}>
                <NextLink href={`/ordninger/${a.slug}`} className="ds-link">
                  {a.name}
                </NextLink>
                {a.endDate ? ` (avsluttet ${formatDay(a.endDate)})` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>Ingen.</Paragraph>
        )}
      </section>
      <section className="stack" aria-label="Endrede ordninger">
        <Heading level={headingLevel} data-size="sm">
          Endrede ordninger ({c.changed.length})
        </Heading>
        {c.changed.length ? (
          <ul className="stack" data-testid="endrede-ordninger">
            {c.changed.map((a) => (
              <li key={a.id}>
                <NextLink href={`/ordninger/${a.slug}`} className="ds-link">
                  {a.name}
                </NextLink>
                <ul>
                  {a.changes.map((ch) => (
                    <li key={ch.field}>
                      {ch.label}: {ch.before} → {ch.after}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>Ingen.</Paragraph>
        )}
      </section>
      {showMunicipalities ? (
        <section className="stack" aria-label="Antall per kommune">
          <Heading level={headingLevel} data-size="sm">
            Antall ordninger per kommune
          </Heading>
          <div className="table-scroll">
            <Table data-testid="antall-per-kommune" data-size="sm">
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Kommune</TableHeaderCell>
                  <TableHeaderCell style={{ textAlign: "right" }}>{from.name}</TableHeaderCell>
                  <TableHeaderCell style={{ textAlign: "right" }}>{to.name}</TableHeaderCell>
                  <TableHeaderCell style={{ textAlign: "right" }}>Endring</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.municipalities.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell style={{ textAlign: "right" }}>{formatInteger(m.before)}</TableCell>
                    <TableCell style={{ textAlign: "right" }}>{formatInteger(m.after)}</TableCell>
                    <TableCell style={{ textAlign: "right" }}>{signed(m.difference)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
