import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import "@/components/registry/registry.css";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { formatInteger } from "@/lib/format";
import { findMunicipality } from "@/lib/municipalities";
import { qualityDashboard } from "@/lib/quality/dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Datakvalitet" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

function href(filter: { regel?: string | null; kommune?: string | null }): string {
  const params = new URLSearchParams();
  if (filter.kommune) params.set("kommune", filter.kommune);
  if (filter.regel) params.set("regel", filter.regel);
  const query = params.toString();
  return query ? `/kvalitet?${query}` : "/kvalitet";
}

/** The advisers' data-quality dashboard: the rules' findings per rule and per municipality, with links to filtered lists. */
export default async function QualityDashboardPage({ searchParams }: Props) {
  const actor = await requireActor("/kvalitet");
  const decision = authorize(actor, "quality.dashboard");
  if (!decision.allowed) return denyAccess(decision.reason);
  const params = await searchParams;
  const ruleParam = first(params.regel);
  const municipalityParam = first(params.kommune);
  const found = municipalityParam ? await findMunicipality(municipalityParam) : null;
  const d = await qualityDashboard({ rule: ruleParam, municipalityId: found?.kind === "found" ? found.id : null });
  const kommuneKey = d.filter.municipality ? (d.filter.municipality.currentCode ?? d.filter.municipality.slug) : null;
  const unknown = [ruleParam && !d.filter.rule ? `Ukjent regel «${ruleParam}».` : null, municipalityParam && !d.filter.municipality ? `Fant ingen kommune «${municipalityParam}».` : null].filter(
    Boolean,
  );
  const byRule = d.filter.municipality ? (d.summary.municipalities.get(d.filter.municipality.id)?.byRule ?? {}) : null;

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Datakvalitet
      </Heading>
      <Paragraph>
        Registeret sjekker hver ordning som ikke er avsluttet, mot {d.summary.rules.length} regler. Av {formatInteger(d.summary.arrangements)} ordninger har{" "}
        <strong data-testid="med-merknader">{formatInteger(d.summary.withFindings)}</strong> minst én merknad, til sammen {formatInteger(d.summary.findings)} merknader. Merknadene vises også på
        ordningenes sider, i kommunenes lister og i API-et (<code>kvalitet</code>).
      </Paragraph>
      {unknown.length ? (
        <Paragraph role="alert" data-testid="ukjent-filter">
          {unknown.join(" ")} Viser alt.
        </Paragraph>
      ) : null}

      {d.list ? (
        <section aria-labelledby="liste" className="stack">
          <Heading level={2} data-size="md" id="liste">
            {d.filter.rule ? `«${d.filter.rule.title}»` : "Ordninger med merknader"}
            {d.filter.municipality ? ` – ${d.filter.municipality.name}` : ""} ({formatInteger(d.list.length)})
          </Heading>
          <Paragraph>
            <NextLink href="/kvalitet" className="ds-link">
              Tilbake til oversikten
            </NextLink>
            {d.filter.rule && d.filter.municipality ? (
              <>
                {" · "}
                <NextLink href={href({ kommune: kommuneKey })} className="ds-link">
                  Alle merknader for {d.filter.municipality.name}
                </NextLink>
              </>
            ) : null}
          </Paragraph>
          {byRule && !d.filter.rule ? (
            <ul className="ds-list" aria-label={`Merknader per regel for ${d.filter.municipality!.name}`}>
              {d.summary.rules
                .filter((r) => byRule[r.code])
                .map((r) => (
                  <li key={r.code}>
                    <NextLink href={href({ kommune: kommuneKey, regel: r.code })} className="ds-link">
                      {r.title}
                    </NextLink>
                    : {formatInteger(byRule[r.code] ?? 0)}
                  </li>
                ))}
            </ul>
          ) : null}
          <div className="table-scroll">
            <Table data-size="sm" data-testid="kvalitet-liste">
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">Ordning</TableHeaderCell>
                  <TableHeaderCell scope="col">Merknader</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {d.list.map((r) => (
                  <TableRow key={r.arrangement.id}>
                    <TableHeaderCell scope="row" className="registry-row-header">
                      <NextLink href={`/ordninger/${r.arrangement.slug}`} className="ds-link">
                        {r.arrangement.name}
                      </NextLink>
                    </TableHeaderCell>
                    <TableCell>{r.findings.map((f) => (d.filter.rule && f.code === d.filter.rule.code ? f.message : f.title)).join(" · ")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="per-regel" className="stack">
        <Heading level={2} data-size="md" id="per-regel">
          Per regel
        </Heading>
        <div className="table-scroll">
          <Table data-size="sm" data-testid="per-regel">
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Regel</TableHeaderCell>
                <TableHeaderCell scope="col">Grunnlag</TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Ordninger
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {d.summary.rules.map((r) => (
                <TableRow key={r.code} data-regel={r.code}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    {r.count > 0 ? (
                      <NextLink href={href({ regel: r.code })} className="ds-link">
                        {r.title}
                      </NextLink>
                    ) : (
                      r.title
                    )}
                  </TableHeaderCell>
                  <TableCell>{r.legalBasis}</TableCell>
                  <TableCell className="registry-number" data-testid="antall">
                    {formatInteger(r.count)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="per-kommune" className="stack">
        <Heading level={2} data-size="md" id="per-kommune">
          Per kommune
        </Heading>
        <Paragraph data-size="sm">De 25 kommunene i kartleggingen. En ordning telles for hver kommune som deltar i den.</Paragraph>
        <div className="table-scroll">
          <Table data-size="sm" data-testid="per-kommune">
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Kommune</TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Ordninger
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Med merknader
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="registry-number">
                  Merknader
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {d.municipalities.map((m) => (
                <TableRow key={m.municipalityId} data-kommune={m.municipality.slug}>
                  <TableHeaderCell scope="row" className="registry-row-header">
                    <NextLink href={href({ kommune: m.municipality.currentCode ?? m.municipality.slug })} className="ds-link">
                      {m.municipality.name}
                    </NextLink>
                  </TableHeaderCell>
                  <TableCell className="registry-number">{formatInteger(m.arrangements)}</TableCell>
                  <TableCell className="registry-number">{formatInteger(m.withFindings)}</TableCell>
                  <TableCell className="registry-number">{formatInteger(m.findings)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>
    </div>
  );
}
