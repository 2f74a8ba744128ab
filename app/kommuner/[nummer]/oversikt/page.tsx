import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import { PrintButton } from "@/components/site/PrintButton";
import "@/components/registry/registry.css";
import { LEVEL_NAMES } from "@/lib/domain/levels";
import { enhetsregisteretUrl, formatOrgNr } from "@/lib/domain/orgnr";
import { PARTICIPATION_ROLE_LABELS } from "@/lib/domain/roles";
import { formatDate, formatInteger } from "@/lib/format";
import { decodePathSegment } from "@/lib/http/path-segment";
import { findMunicipality } from "@/lib/municipalities";
import { municipalityOverview, type OverviewRow } from "@/lib/municipalities/overview";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ nummer: string }> };

async function resolve(nummer: string) {
  const found = await findMunicipality(decodePathSegment(nummer));
  if (found.kind === "missing") notFound();
  if (!found.isCanonical) permanentRedirect(`/kommuner/${found.canonical}/oversikt`);
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await findMunicipality(decodePathSegment((await params).nummer));
  if (found.kind === "missing") return { title: "Oversikt" };
  const o = await municipalityOverview(found.id);
  return { title: `Interkommunalt samarbeid og selskaper – ${o.municipality.name}` };
}

const date = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T00:00:00Z`)) : null);

function agreementText(a: OverviewRow["agreement"]): string {
  const made = date(a.date);
  const revised = date(a.revisedDate);
  if (made) return revised ? `${made}, revidert ${revised}` : made;
  if (a.url || a.hasFile) return "Registrert, uten dato";
  return "Ikke registrert";
}

function OrgNr({ orgNr }: { orgNr: string | null }) {
  if (!orgNr) return <>Ikke registrert</>;
  return (
    <a href={enhetsregisteretUrl(orgNr)} className="ds-link" rel="noopener noreferrer">
      {formatOrgNr(orgNr)}
    </a>
  );
}

/**
 * A printable appendix for the annual report and the ownership report (eierskapsmelding): the
 * municipality's companies (IKS, AS) with organisation numbers, and all its active arrangements.
 */
export default async function MunicipalityOverviewPage({ params }: Props) {
  const found = await resolve((await params).nummer);
  const o = await municipalityOverview(found.id);
  const { municipality: m } = o;
  const hosted = o.arrangements.filter((a) => a.hostedHere).length;
  return (
    <article className="stack print-overview">
      <Paragraph data-print="hide">
        <NextLink href={`/kommuner/${found.canonical}`} className="ds-link">
          Tilbake til kommunesiden for {m.name}
        </NextLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        Interkommunalt samarbeid og selskaper – {m.name} kommune
      </Heading>
      <Paragraph>
        Per {date(o.date)}. {m.name} deltar i {formatInteger(o.arrangements.length)} aktive samarbeidsordninger, er vertskommune for {formatInteger(hosted)} av dem og er eier i{" "}
        {formatInteger(o.companies.length)} interkommunale selskaper og aksjeselskaper. Kilde: Samarbeidsregisteret (Statsforvalteren), {m.currentCode ? `kommunenummer ${m.currentCode}` : m.slug}.
      </Paragraph>
      <Paragraph data-print="hide">Oversikten er laget for å skrives ut eller lagres som PDF, som vedlegg til årsmeldingen og eierskapsmeldingen.</Paragraph>
      <div data-print="hide">
        <PrintButton>Skriv ut eller lagre som PDF</PrintButton>
      </div>

      <section aria-labelledby="selskaper" className="stack">
        <Heading level={2} data-size="md" id="selskaper">
          Selskaper kommunen eier (IKS og AS)
        </Heading>
        {o.companies.length === 0 ? (
          <Paragraph>Registeret har ingen interkommunale selskaper eller aksjeselskaper der {m.name} er deltaker.</Paragraph>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Selskaper ${m.name} eier`}>
            <Table data-size="sm" data-testid="selskaper">
              <caption className="visually-hidden">Selskaper {m.name} eier</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Selskap</TableHeaderCell>
                  <TableHeaderCell scope="col">Form</TableHeaderCell>
                  <TableHeaderCell scope="col">Organisasjonsnummer</TableHeaderCell>
                  <TableHeaderCell scope="col" className="registry-number">
                    Eierkommuner
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Selskapsavtale</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {o.companies.map((c) => (
                  <TableRow key={c.row.id}>
                    <TableHeaderCell scope="row" className="registry-row-header">
                      <NextLink href={`/ordninger/${c.row.slug}`} className="ds-link">
                        {c.row.name}
                      </NextLink>
                    </TableHeaderCell>
                    <TableCell>{c.row.legalForm?.code === "IKS" ? "IKS" : "AS"}</TableCell>
                    <TableCell>
                      <OrgNr orgNr={c.row.orgNr} />
                    </TableCell>
                    <TableCell className="registry-number">{formatInteger(c.row.participantCount)}</TableCell>
                    <TableCell>{agreementText(c.agreement)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="alle" className="stack">
        <Heading level={2} data-size="md" id="alle">
          Alle samarbeidsordninger
        </Heading>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Samarbeidsordninger ${m.name} deltar i`}>
          <Table data-size="sm" data-testid="alle-ordninger">
            <caption className="visually-hidden">Samarbeidsordninger {m.name} deltar i</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Ordning</TableHeaderCell>
                <TableHeaderCell scope="col">Juridisk form</TableHeaderCell>
                <TableHeaderCell scope="col">Vertskommune</TableHeaderCell>
                <TableHeaderCell scope="col">{m.name}s rolle</TableHeaderCell>
                <TableHeaderCell scope="col">Nivå</TableHeaderCell>
                <TableHeaderCell scope="col">Etablert</TableHeaderCell>
                <TableHeaderCell scope="col">Samarbeidsavtale</TableHeaderCell>
                <TableHeaderCell scope="col">Org.nr.</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {o.arrangements.map((a) => (
                <TableRow key={a.row.id}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    <NextLink href={`/ordninger/${a.row.slug}`} className="ds-link">
                      {a.row.name}
                    </NextLink>
                  </TableHeaderCell>
                  <TableCell>{a.row.legalForm ? `${a.row.legalForm.name}${a.row.legalForm.inferred ? " (utledet)" : ""}` : "Ikke registrert"}</TableCell>
                  <TableCell>{a.row.host?.name ?? "–"}</TableCell>
                  <TableCell>{a.hostedHere ? "Vertskommune" : a.role ? PARTICIPATION_ROLE_LABELS[a.role] : "–"}</TableCell>
                  <TableCell>
                    {LEVEL_NAMES[a.row.level]} ({formatInteger(a.row.participantCount)})
                  </TableCell>
                  <TableCell>{a.row.establishedLabel}</TableCell>
                  <TableCell>{agreementText(a.agreement)}</TableCell>
                  <TableCell>{a.row.orgNr ? <OrgNr orgNr={a.row.orgNr} /> : "–"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </article>
  );
}
