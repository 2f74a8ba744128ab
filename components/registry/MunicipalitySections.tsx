import NextLink from "next/link";
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import type { ArrangementRow } from "@/lib/arrangements/types";
import { formatInteger } from "@/lib/format";
import type { KeyFigure, LevelGroup } from "@/lib/municipalities";

const kommuneHref = (m: { code: string | null; slug: string }) => `/kommuner/${m.code ?? m.slug}`;

/** "Rapport 2021" beside the registry on the survey date and today, with the reason where they differ. */
export function KeyFigureTable({ figures, printedSource, name }: { figures: KeyFigure[]; printedSource: string | null; name: string }) {
  const hasPrinted = figures.some((f) => f.printed !== null);
  return (
    <section aria-labelledby="nokkeltall" className="stack">
      <Heading level={2} data-size="md" id="nokkeltall">
        Nøkkeltall
      </Heading>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`Nøkkeltall for ${name}`}>
        <Table data-size="sm">
          <caption className="visually-hidden">Nøkkeltall for {name}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">Tall</TableHeaderCell>
              {hasPrinted ? (
                <TableHeaderCell scope="col" className="registry-number">
                  Rapport 2021
                </TableHeaderCell>
              ) : null}
              <TableHeaderCell scope="col" className="registry-number">
                Registeret 1.11.2021
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="registry-number">
                Registeret i dag
              </TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {figures.map((f) => (
              <TableRow key={f.label}>
                <TableHeaderCell scope="row" className="registry-row-header">
                  {f.label}
                </TableHeaderCell>
                {hasPrinted ? <TableCell className="registry-number">{f.printed === null ? "–" : formatInteger(f.printed)}</TableCell> : null}
                <TableCell className="registry-number">{formatInteger(f.atSurveyDate)}</TableCell>
                <TableCell className="registry-number">{formatInteger(f.now)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {hasPrinted ? (
        <Paragraph data-size="sm">
          «Rapport 2021» er tallet som er trykt i rapporten ({printedSource ?? "NIVI 2021, Tabell 3.2"}). «Registeret 1.11.2021» teller de samme ordningene slik registeret har dem på datoen
          kartleggingen ble avsluttet; «i dag» tar med endringer siden.
        </Paragraph>
      ) : null}
      {figures
        .filter((f) => f.explanation)
        .map((f) => (
          <div key={f.label} className="registry-deviation" data-testid="avvik">
            <Paragraph>
              <strong>
                {f.label}: Rapport 2021: {formatInteger(f.printed!)} — registeret nå: {formatInteger(f.now)}
                {f.now !== f.atSurveyDate ? ` (${formatInteger(f.atSurveyDate)} per 1.11.2021)` : ""}.
              </strong>{" "}
              {f.explanation}
              {f.explanationSource ? <span className="registry-source">Kilde: {f.explanationSource}</span> : null}
            </Paragraph>
            {f.explanation && !f.explanationSource ? (
              <Paragraph data-size="sm">
                <NextLink href="/om-dataene" className="ds-link">
                  Les om datagrunnlaget og avvikene
                </NextLink>
              </Paragraph>
            ) : null}
          </div>
        ))}
    </section>
  );
}

export function HostedList({ name, hosted, title = "Vertskommune for" }: { name: string; hosted: ArrangementRow[]; title?: string }) {
  return (
    <section aria-labelledby="vertskommune" className="stack">
      <Heading level={2} data-size="md" id="vertskommune">
        {title}
      </Heading>
      {hosted.length ? (
        <ul className="ds-list">
          {hosted.map((r) => (
            <li key={r.id}>
              <NextLink href={`/ordninger/${r.slug}`} className="ds-link">
                {r.name}
              </NextLink>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>Ingen registrerte ordninger har vertskommune i {name}.</Paragraph>
      )}
    </section>
  );
}

/** The arrangements grouped by level with the partners, like the tables of the report's chapter 4. */
export function ArrangementGroups({ name, groups, partnerLabel = "Samarbeidspartnere" }: { name: string; groups: LevelGroup[]; partnerLabel?: string }) {
  // Rows are numbered 1..n across all groups.
  const firstNumber = groups.map((_, i) => groups.slice(0, i).reduce((sum, g) => sum + g.rows.length, 1));
  return (
    <section aria-labelledby="ordningene" className="stack">
      <Heading level={2} data-size="md" id="ordningene">
        Registrerte samarbeidsordninger for {name}
      </Heading>
      {groups.map((g, groupIndex) => (
        <section key={g.level} aria-labelledby={`niva-${g.level}`} className="stack">
          <Heading level={3} data-size="sm" id={`niva-${g.level}`}>
            {g.title}: {formatInteger(g.rows.length)}
          </Heading>
          {g.rows.length ? (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${g.title} – ${name}`}>
              <Table zebra data-size="sm">
                <caption className="visually-hidden">
                  {g.title} – {name}
                </caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell scope="col">Nr</TableHeaderCell>
                    <TableHeaderCell scope="col">Samarbeidsordning</TableHeaderCell>
                    <TableHeaderCell scope="col">{partnerLabel}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {g.rows.map((r, rowIndex) => {
                    const number = firstNumber[groupIndex]! + rowIndex;
                    return (
                      <TableRow key={r.id}>
                        <TableCell>{number}</TableCell>
                        <TableHeaderCell scope="row" className="registry-row-header">
                          <NextLink href={`/ordninger/${r.slug}`} className="ds-link">
                            {r.name}
                          </NextLink>
                        </TableHeaderCell>
                        <TableCell>
                          {r.partners.length > 8
                            ? `${formatInteger(r.participantCount)} kommuner`
                            : r.partners.map((p, i) => (
                                <span key={p.slug}>
                                  {i > 0 ? ", " : ""}
                                  <NextLink href={kommuneHref(p)} className="ds-link">
                                    {p.name}
                                  </NextLink>
                                </span>
                              ))}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          ) : (
            <Paragraph>Ingen.</Paragraph>
          )}
        </section>
      ))}
    </section>
  );
}
