import { decodePathSegment } from "@/lib/http/path-segment";
import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import {
  Alert,
  Breadcrumbs,
  BreadcrumbsItem,
  BreadcrumbsLink,
  BreadcrumbsList,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from "@digdir/designsystemet-react";
import "@/components/registry/registry.css";
import { findArrangement, PROVENANCE_FIELD_NAMES, provenanceFor, type ArrangementDetail, type ProvenanceDetail } from "@/lib/arrangements/detail";
import { LEVEL_NAMES } from "@/lib/domain/levels";
import { PARTICIPATION_ROLE_LABELS } from "@/lib/domain/roles";
import { enhetsregisteretUrl, formatOrgNr } from "@/lib/domain/orgnr";
import { formatDate, formatDecimal, formatInteger } from "@/lib/format";
import { QualityFindings } from "@/components/quality/QualityFindings";
import { lastConfirmations } from "@/lib/rounds/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string): Promise<ArrangementDetail> {
  const result = await findArrangement(decodePathSegment(id));
  if (result.kind === "redirect") permanentRedirect(`/ordninger/${result.slug}`);
  if (result.kind === "missing") notFound();
  return result.detail;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await findArrangement(decodePathSegment((await params).id));
  return { title: result.kind === "found" ? result.detail.row.name : "Samarbeidsordning" };
}

function Source({ provenance }: { provenance?: ProvenanceDetail }) {
  if (!provenance) return null;
  return (
    <span className="registry-source">
      Kilde: {provenance.source}
      {provenance.inferred ? "; utledet" : ""}
      {provenance.note ? ` – ${provenance.note}` : ""}
    </span>
  );
}

const date = (value: string | null) => (value ? formatDate(new Date(`${value}T00:00:00Z`)) : "–");

const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} kB` : `${formatDecimal(bytes / (1024 * 1024), 1)} MB`);

function AgreementFacts({ agreement, slug }: { agreement: ArrangementDetail["agreement"]; slug: string }) {
  const { file } = agreement;
  if (!agreement.date && !agreement.revisedDate && !agreement.url && !file) return <Paragraph>Ingen samarbeidsavtale er registrert for denne ordningen.</Paragraph>;
  return (
    <dl className="registry-facts">
      <dt>Inngått</dt>
      <dd>{agreement.date ? date(agreement.date) : "Ikke oppgitt"}</dd>
      {agreement.revisedDate ? (
        <>
          <dt>Sist revidert</dt>
          <dd>{date(agreement.revisedDate)}</dd>
        </>
      ) : null}
      {agreement.url ? (
        <>
          <dt>Lenke</dt>
          <dd className="break-anywhere">
            <a href={agreement.url} className="ds-link" rel="noopener noreferrer nofollow">
              {agreement.url}
            </a>
          </dd>
        </>
      ) : null}
      {file ? (
        <>
          <dt>Avtalen (PDF)</dt>
          <dd>
            <a href={`/ordninger/${slug}/avtale`} className="ds-link" download>
              Last ned {file.fileName}
            </a>{" "}
            ({fileSize(file.size)}, lastet opp {formatDate(new Date(file.uploadedAt))})<span className="registry-source break-anywhere">SHA-256: {file.sha256}</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export default async function ArrangementPage({ params }: Props) {
  const detail = await load((await params).id);
  const { row } = detail;
  const confirmation = (await lastConfirmations([row.id])).get(row.id);
  const kommuneHref = (m: { code: string | null; slug: string }) => `/kommuner/${m.code ?? m.slug}`;
  return (
    <article className="stack">
      <Breadcrumbs aria-label="Du er her">
        <BreadcrumbsList>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href="/ordninger">Samarbeidsordninger</NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href={`/ordninger/${row.slug}`} aria-current="page">
                {row.name}
              </NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
        </BreadcrumbsList>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {row.name}
      </Heading>
      <p className="ds-paragraph">
        {row.active ? <Tag data-color="success">Aktiv</Tag> : row.endDate ? <Tag data-color="neutral">Avsluttet {date(row.endDate)}</Tag> : <Tag data-color="neutral">Ikke startet ennå</Tag>}{" "}
        {row.shortName ? <span>Forkortelse: {row.shortName}</span> : null}
      </p>
      {detail.correctedName ? <Paragraph data-size="sm">Stavet «{detail.correctedName}» i rapporten fra 2021.</Paragraph> : null}
      <Paragraph data-size="sm">
        Er noe feil eller utdatert?{" "}
        <NextLink href={`/ordninger/${row.slug}/rediger`} className="ds-link">
          Foreslå en endring
        </NextLink>{" "}
        (krever innlogging for kommunen eller Statsforvalteren).
      </Paragraph>

      <section aria-labelledby="hva" className="stack">
        <Heading level={2} data-size="md" id="hva">
          Hva ordningen gjør
        </Heading>
        <Paragraph>{row.description ?? "Det er ikke registrert en beskrivelse av ordningen ennå."}</Paragraph>
      </section>

      <section aria-labelledby="fakta" className="stack">
        <Heading level={2} data-size="md" id="fakta">
          Fakta
        </Heading>
        <dl className="registry-facts">
          <dt>Sektor</dt>
          <dd>{row.sector.name}</dd>
          <dt>Oppgaveområde</dt>
          <dd>
            {row.taskAreas.length ? row.taskAreas.map((t) => t.name).join(", ") : "Ikke knyttet til et oppgaveområde i tabell 3.1"}
            <Source provenance={provenanceFor(detail, "taskAreas")} />
          </dd>
          <dt>Juridisk tilknytningsform</dt>
          <dd>
            {detail.legalForm ? (
              <>
                <strong>{detail.legalForm.name}</strong>. Hjemmel: {detail.legalForm.legalBasis}.
                {detail.legalForm.description ? <span className="registry-block">{detail.legalForm.description}</span> : null}
                {detail.legalForm.outdated ? (
                  <Alert data-color="warning" data-size="sm">
                    Denne formen er avviklet i kommuneloven av 2018, og overgangsreglene krevde omdanning innen fire år.
                  </Alert>
                ) : null}
                <Source provenance={provenanceFor(detail, "legalForm")} />
              </>
            ) : (
              "Ikke registrert"
            )}
          </dd>
          <dt>Vertskommune</dt>
          <dd>
            {row.host ? (
              <NextLink href={kommuneHref(row.host)} className="ds-link">
                {row.host.name}
              </NextLink>
            ) : (
              "Ingen vertskommune registrert"
            )}
            <Source provenance={provenanceFor(detail, "host")} />
          </dd>
          <dt>Etablert</dt>
          <dd>
            {detail.established.label}
            <Source provenance={provenanceFor(detail, "established")} />
          </dd>
          <dt>Geografisk nivå</dt>
          <dd>
            {LEVEL_NAMES[row.level]} ({formatInteger(row.participantCount)} kommuner
            {detail.statedParticipantCount && detail.statedParticipantCount > row.namedParticipantCount
              ? `; rapporten oppgir ${formatInteger(detail.statedParticipantCount)}, ${formatInteger(row.namedParticipantCount)} er navngitt`
              : ""}
            )
          </dd>
          <dt>Over fylkesgrense</dt>
          <dd>{row.crossCounty ? "Ja, deltakerne ligger i mer enn ett fylke (dagens fylkesinndeling)" : "Nei"}</dd>
          <dt>Organisasjonsnummer</dt>
          <dd>
            {detail.orgNr ? (
              <>
                {formatOrgNr(detail.orgNr)}{" "}
                <a href={enhetsregisteretUrl(detail.orgNr)} className="ds-link" rel="noopener noreferrer">
                  Se enheten i Enhetsregisteret<span className="visually-hidden"> (Brønnøysundregistrene)</span>
                </a>
              </>
            ) : (
              "Ikke registrert"
            )}
          </dd>
          <dt>Sist bekreftet</dt>
          <dd data-testid="sist-bekreftet">
            {confirmation ? `${formatDate(confirmation.at)} av ${confirmation.municipalityName} kommune (${confirmation.roundName})` : "Ikke bekreftet i en kartleggingsrunde ennå"}
          </dd>
          {row.endDate ? (
            <>
              <dt>Avsluttet</dt>
              <dd>
                {date(row.endDate)}
                {detail.endReason ? `: ${detail.endReason}` : ""}
              </dd>
            </>
          ) : null}
          {detail.notes ? (
            <>
              <dt>Merknader</dt>
              <dd>{detail.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="avtale" className="stack" data-testid="samarbeidsavtale">
        <Heading level={2} data-size="md" id="avtale">
          Samarbeidsavtale
        </Heading>
        <AgreementFacts agreement={detail.agreement} slug={row.slug} />
      </section>

      <QualityFindings findings={detail.quality} editHref={`/ordninger/${row.slug}/rediger`} />

      <section aria-labelledby="deltakere" className="stack">
        <Heading level={2} data-size="md" id="deltakere">
          Deltakere
        </Heading>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Deltakerkommuner i ${row.name}`}>
          <Table zebra data-size="sm">
            <caption className="visually-hidden">Deltakerkommuner i {row.name}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Kommune</TableHeaderCell>
                <TableHeaderCell scope="col">Kommunenummer</TableHeaderCell>
                <TableHeaderCell scope="col">Rolle</TableHeaderCell>
                <TableHeaderCell scope="col">Med fra</TableHeaderCell>
                <TableHeaderCell scope="col">Til</TableHeaderCell>
                <TableHeaderCell scope="col">Kilde</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {detail.participations.map((p) => (
                <TableRow key={`${p.municipality.id}-${p.joinedOn}-${p.leftOn}`}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    <NextLink href={kommuneHref(p.municipality)} className="ds-link">
                      {p.municipality.name}
                    </NextLink>
                    {row.host?.id === p.municipality.id ? " (vertskommune)" : ""}
                    {p.activeToday ? "" : " – ikke lenger med"}
                  </TableHeaderCell>
                  <TableCell>{p.municipality.code ?? "–"}</TableCell>
                  <TableCell>{PARTICIPATION_ROLE_LABELS[p.role]}</TableCell>
                  <TableCell>{date(p.joinedOn)}</TableCell>
                  <TableCell>{date(p.leftOn)}</TableCell>
                  <TableCell>{p.source ?? "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="bemanning" className="stack">
        <Heading level={2} data-size="md" id="bemanning">
          Bemanning over tid
        </Heading>
        {detail.staffing.length ? (
          <Table data-size="sm">
            <caption className="visually-hidden">Årsverk per år</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">År</TableHeaderCell>
                <TableHeaderCell scope="col">Årsverk</TableHeaderCell>
                <TableHeaderCell scope="col">Kilde</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {detail.staffing.map((s, i) => (
                <TableRow key={`${s.year}-${i}`}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    {s.year}
                  </TableHeaderCell>
                  <TableCell className="registry-number">{formatDecimal(s.fte)}</TableCell>
                  <TableCell>{s.source ?? "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Paragraph>Ingen årsverk er registrert for denne ordningen.</Paragraph>
        )}
      </section>

      <section aria-labelledby="kilder" className="stack">
        <Heading level={2} data-size="md" id="kilder">
          Kilder
        </Heading>
        <Paragraph data-size="sm">«Oppgitt» betyr at kilden sier det direkte; «utledet» betyr at registeret har sluttet det av navnet, strukturen eller teksten.</Paragraph>
        <ul className="ds-list">
          {detail.provenance.map((p, i) => (
            <li key={i}>
              {PROVENANCE_FIELD_NAMES[p.field] ?? p.field}: {p.source} ({p.inferred ? "utledet" : "oppgitt"}){p.note ? ` – ${p.note}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <div className="registry-two-columns">
        <section aria-labelledby="samme-oppgave" className="stack">
          <Heading level={2} data-size="sm" id="samme-oppgave">
            Andre ordninger på samme oppgaveområde
          </Heading>
          {detail.relatedByTaskArea.length ? (
            <ul className="ds-list">
              {detail.relatedByTaskArea.map((r) => (
                <li key={r.slug}>
                  <NextLink href={`/ordninger/${r.slug}`} className="ds-link">
                    {r.name}
                  </NextLink>
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>Ingen andre ordninger på samme oppgaveområde.</Paragraph>
          )}
        </section>
        <section aria-labelledby="samme-deltakere" className="stack">
          <Heading level={2} data-size="sm" id="samme-deltakere">
            Ordninger med de samme deltakerne
          </Heading>
          {detail.relatedByParticipants.length ? (
            <ul className="ds-list">
              {detail.relatedByParticipants.map((r) => (
                <li key={r.slug}>
                  <NextLink href={`/ordninger/${r.slug}`} className="ds-link">
                    {r.name}
                  </NextLink>{" "}
                  ({formatInteger(r.shared)} felles kommuner)
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>Ingen andre ordninger har i hovedsak de samme deltakerne.</Paragraph>
          )}
        </section>
      </div>

      <section aria-labelledby="historikk" className="stack">
        <Heading level={2} data-size="md" id="historikk">
          Endringshistorikk
        </Heading>
        <Paragraph>
          Historikken viser hva som er endret i opplysningene om ordningen, og når.{" "}
          <NextLink href={`/ordninger/${row.slug}/historikk`} className="ds-link">
            Se endringshistorikken
          </NextLink>
        </Paragraph>
      </section>
      <Paragraph data-size="sm">
        Maskinlesbart:{" "}
        <a href={`/api/v1/ordninger/${row.slug}`} className="ds-link">
          JSON fra det åpne API-et
        </a>
      </Paragraph>
    </article>
  );
}
