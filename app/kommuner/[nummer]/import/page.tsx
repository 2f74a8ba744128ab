import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs, BreadcrumbsItem, BreadcrumbsLink, BreadcrumbsList, Heading, Paragraph } from "@digdir/designsystemet-react";
import { ImportForm } from "@/components/import/ImportForm";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { decodePathSegment } from "@/lib/http/path-segment";
import { findMunicipality, municipalityName } from "@/lib/municipalities";
import { importSpreadsheetAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ nummer: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await findMunicipality(decodePathSegment((await params).nummer));
  return { title: found.kind === "found" ? `Importer kartleggingsfil – ${await municipalityName(found.id)}` : "Importer kartleggingsfil" };
}

/** Upload a returned kartleggingsfil, see the preview row by row, confirm (docs/decisions/0047). */
export default async function ImportPage({ params }: Props) {
  const found = await findMunicipality(decodePathSegment((await params).nummer));
  if (found.kind === "missing") notFound();
  if (!found.isCanonical) permanentRedirect(`/kommuner/${found.canonical}/import`);
  const actor = await requireActor(`/kommuner/${found.canonical}/import`);
  const decision = authorize(actor, "arrangement.import", { municipalityIds: [found.id] });
  if (!decision.allowed) return denyAccess(decision.reason);
  const name = await municipalityName(found.id);
  return (
    <article className="stack">
      <Breadcrumbs aria-label="Du er her">
        <BreadcrumbsList>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href="/kommuner">Kommuner</NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href={`/kommuner/${found.canonical}`}>{name}</NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
          <BreadcrumbsItem>
            <BreadcrumbsLink asChild>
              <NextLink href={`/kommuner/${found.canonical}/import`} aria-current="page">
                Importer kartleggingsfil
              </NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
        </BreadcrumbsList>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        Importer kartleggingsfil for {name}
      </Heading>
      <div className="narrow stack">
        <Paragraph>
          <a href={`/kommuner/${found.canonical}/kartleggingsfil`} className="ds-link" download>
            Last ned kartleggingsfilen for {name}
          </a>
          , rett i Excel og last den opp her. Du ser hva som blir endret før noe lagres.
        </Paragraph>
        <ul className="import-list">
          <li>En tom celle betyr «ikke oppgitt» og endrer ingenting. Ordninger du sletter fra filen, blir ikke endret.</li>
          <li>Deltakerkommuner: skriv navnene med komma mellom. En kommune som er tatt bort, meldes ut fra i dag.</li>
          <li>Avsluttet ordning: skriv sluttdato (dd.mm.åååå) og gjerne grunnen.</li>
          <li>Ny ordning: en ny rad uten ID, med «Sektor: …» i «Annen informasjon».</li>
        </ul>
        <Paragraph>
          {decision.mode === "propose"
            ? "Endringene sendes som endringsforslag til Statsforvalteren og blir synlige når de er godkjent."
            : "Du er rådgiver: endringene lagres direkte, i én operasjon."}
        </Paragraph>
      </div>
      <ImportForm action={importSpreadsheetAction} municipalityId={found.id} mode={decision.mode} />
    </article>
  );
}
