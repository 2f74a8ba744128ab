import { decodePathSegment } from "@/lib/http/path-segment";
import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs, BreadcrumbsItem, BreadcrumbsLink, BreadcrumbsList, Heading, Paragraph } from "@digdir/designsystemet-react";
import { ArrangementGroups, HostedList, KeyFigureTable } from "@/components/registry/MunicipalitySections";
import "@/components/registry/registry.css";
import { formatDate, formatInteger } from "@/lib/format";
import { currentActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { findMunicipality, municipalityDetail } from "@/lib/municipalities";
import { ComparisonView } from "@/components/rounds/ComparisonView";
import { SurveyTaskNotice } from "@/components/rounds/RoundBits";
import "@/components/rounds/rounds.css";
import { openTasksFor } from "@/lib/rounds/queries";
import { compareSnapshots, listSnapshots, TODAY_KEY } from "@/lib/rounds/snapshots";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ nummer: string }> };

async function resolve(nummer: string) {
  const found = await findMunicipality(decodePathSegment(nummer));
  if (found.kind === "missing") notFound();
  if (!found.isCanonical) permanentRedirect(`/kommuner/${found.canonical}`);
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await findMunicipality(decodePathSegment((await params).nummer));
  if (found.kind === "missing") return { title: "Kommune" };
  const detail = await municipalityDetail(found.id);
  return { title: `${detail.name} kommune` };
}

const date = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

export default async function MunicipalityPage({ params }: Props) {
  const found = await resolve((await params).nummer);
  const m = await municipalityDetail(found.id);
  const actor = await currentActor();
  const [tasks, snapshots] = await Promise.all([actor ? openTasksFor(actor, found.id) : [], listSnapshots()]);
  // The latest snapshot against today (after a closed round), else «Rapport 2021» against today.
  const latest = snapshots.at(-1);
  const comparison = latest ? await compareSnapshots(latest.slug, TODAY_KEY, m.slug) : null;
  const filterKey = m.currentCode ?? m.slug;
  const earlierCodes = m.codes.filter((c) => c.validTo !== null);
  const total = m.groups.reduce((sum, g) => sum + g.rows.length, 0);
  const mayImport = authorize(actor, "arrangement.import", { municipalityIds: [m.id] }).allowed;
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
              <NextLink href={`/kommuner/${found.canonical}`} aria-current="page">
                {m.name}
              </NextLink>
            </BreadcrumbsLink>
          </BreadcrumbsItem>
        </BreadcrumbsList>
      </Breadcrumbs>
      <SurveyTaskNotice tasks={tasks} />
      <Heading level={1} data-size="lg">
        {m.name}
      </Heading>
      <dl className="registry-facts">
        <dt>Kommunenummer</dt>
        <dd>{m.currentCode ?? "Ikke registrert"}</dd>
        <dt>Kommunenummer i 2021</dt>
        <dd>{m.code2021 ?? "Ikke registrert"}</dd>
        {earlierCodes.length ? (
          <>
            <dt>Tidligere nummer</dt>
            <dd>{earlierCodes.map((c) => `${c.code} (til ${date(c.validTo!)})`).join(", ")}</dd>
          </>
        ) : null}
        <dt>Fylke</dt>
        <dd>{m.county ?? "Ikke registrert"}</dd>
        <dt>Region</dt>
        <dd>
          {m.region ? (
            <NextLink href={`/regioner/${m.region.slug}`} className="ds-link">
              {m.region.name}
            </NextLink>
          ) : (
            "Ingen"
          )}
        </dd>
        {m.population2021 ? (
          <>
            <dt>Innbyggere 1.1.2021</dt>
            <dd>{formatInteger(m.population2021)}</dd>
          </>
        ) : null}
        <dt>Med i kartleggingen 2021</dt>
        <dd>{m.inSurveyScope ? "Ja" : "Nei, deltar i ordninger med de kartlagte kommunene"}</dd>
      </dl>

      <KeyFigureTable figures={m.keyFigures} printedSource={m.printedSource} name={m.name} />

      <section aria-labelledby="nedlasting" className="stack">
        <Heading level={2} data-size="md" id="nedlasting">
          Kartleggingsfil og utvalg
        </Heading>
        <Paragraph>
          <a href={`/kommuner/${found.canonical}/kartleggingsfil`} className="ds-link" download>
            Last ned kartleggingsfilen for {m.name} (Excel)
          </a>{" "}
          – ordningene i de samme kolonnene som kartleggingen i 2021 brukte.
        </Paragraph>
        {mayImport ? (
          <Paragraph>
            <NextLink href={`/kommuner/${found.canonical}/import`} className="ds-link" data-testid="importer-lenke">
              Importer kartleggingsfil for {m.name}
            </NextLink>{" "}
            – last opp den utfylte filen, se endringene og bekreft.
          </Paragraph>
        ) : null}
        <Paragraph>
          <NextLink href={`/kommuner/${found.canonical}/oversikt`} className="ds-link">
            Utskriftsvennlig oversikt over ordninger og selskaper
          </NextLink>{" "}
          – vedlegg til årsmeldingen og eierskapsmeldingen.
        </Paragraph>
        <Paragraph>
          <NextLink href={`/ordninger?kommune=${filterKey}`} className="ds-link">
            Se de {formatInteger(total)} ordningene i tabellen over alle ordninger
          </NextLink>{" "}
          ·{" "}
          <NextLink href={`/kart?kommune=${filterKey}`} className="ds-link">
            Se samarbeidet på kartet
          </NextLink>
        </Paragraph>
      </section>

      {comparison?.ok ? (
        <section aria-labelledby="endringer" className="stack">
          <Heading level={2} data-size="md" id="endringer">
            Endringer siden {comparison.value.from.name}
          </Heading>
          <ComparisonView value={comparison.value} headingLevel={3} showMunicipalities={false} />
          <Paragraph>
            <NextLink href={`/statistikk/sammenligning?fra=${comparison.value.from.key}&til=${TODAY_KEY}&kommune=${m.slug}`} className="ds-link">
              Sammenlign {m.name} med andre kartlegginger
            </NextLink>
          </Paragraph>
        </section>
      ) : null}

      <HostedList name={m.name} hosted={m.hosted} />
      <ArrangementGroups name={m.name} groups={m.groups} />
    </article>
  );
}
