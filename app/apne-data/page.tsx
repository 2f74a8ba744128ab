import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { siteConfig } from "@/lib/config/site";
import { OPEN_DATA_FILES } from "@/lib/open-data/dataset";
import { dcatCatalog } from "@/lib/open-data/dcat";
import { openDataModified } from "@/lib/open-data/modified";

export const metadata: Metadata = {
  title: "Åpne data",
  description: "Last ned hele Samarbeidsregisteret som CSV, Excel eller JSON, under norsk lisens for offentlige data (NLOD), eller bruk det åpne API-et.",
};
// The licence, owner and modification date are read when the page is requested, not at build time.
export const dynamic = "force-dynamic";

/** JSON-LD inside <script>: `<` escaped so no value can close the element. */
function jsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export default async function OpenDataPage() {
  const site = siteConfig();
  const modified = await openDataModified();
  const [year, month, day] = modified.split("-");
  return (
    <div className="stack prose">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(dcatCatalog(modified)) }} />
      <Heading level={1} data-size="lg">
        Åpne data
      </Heading>
      <Paragraph>
        Hele registeret over interkommunale samarbeidsordninger kan lastes ned og brukes fritt. Filene lages fra registeret når du laster dem ned, så de har alltid med siste godkjente endring (sist
        endret {`${day}.${month}.${year}`}).
      </Paragraph>

      <Heading level={2} data-size="md">
        Last ned
      </Heading>
      <ul className="prose-list">
        <li>
          <a className="ds-link" href={OPEN_DATA_FILES.csv} download>
            Samarbeidsordninger som CSV
          </a>{" "}
          – semikolonseparert, UTF-8, åpnes direkte i Excel.
        </li>
        <li>
          <a className="ds-link" href={OPEN_DATA_FILES.xlsx} download>
            Samarbeidsordninger som Excel-fil (XLSX)
          </a>{" "}
          – datoer og tall som ekte datoer og tall.
        </li>
        <li>
          <a className="ds-link" href={OPEN_DATA_FILES.json}>
            Samarbeidsordninger som JSON
          </a>{" "}
          – samme felter som API-et, beskrevet i et{" "}
          <a className="ds-link" href={OPEN_DATA_FILES.schema}>
            JSON-skjema
          </a>
          .
        </li>
      </ul>
      <Paragraph>
        Filene har alle ordninger, både aktive og avsluttede, med deltakerkommunene slik de er i dag. Vil du ha et utvalg, kan du filtrere på{" "}
        <NextLink href="/ordninger" className="ds-link">
          Samarbeidsordninger
        </NextLink>{" "}
        og laste ned det du ser der.
      </Paragraph>

      <Heading level={2} data-size="md">
        Lisens
      </Heading>
      <Paragraph>
        Dataene er utgitt av {site.ownerName} under{" "}
        <a className="ds-link" href={site.license.url}>
          {site.license.name}
        </a>
        . Du kan kopiere, bruke og dele dem, også kommersielt, så lenge du oppgir kilden: «Samarbeidsregisteret, {site.ownerName}».
      </Paragraph>

      <Heading level={2} data-size="md">
        API
      </Heading>
      <Paragraph>
        Det åpne API-et under <code>/api/v1</code> gir de samme dataene med filtre og statistikk, beskrevet i{" "}
        <a className="ds-link" href="/api/v1/openapi.json">
          OpenAPI-dokumentet
        </a>
        . Det krever ingen nøkkel, kan brukes fra nettlesere på andre domener (CORS), og svarer med <code>ETag</code> og <code>Last-Modified</code>, så et gjentatt oppslag uten endringer får 304.
      </Paragraph>

      <Heading level={2} data-size="md">
        Metadata
      </Heading>
      <Paragraph>
        Beskrivelsen av datasettet etter DCAT-AP-NO ligger i{" "}
        <a className="ds-link" href={OPEN_DATA_FILES.catalog}>
          katalog.jsonld
        </a>{" "}
        (JSON-LD) og i denne siden, slik at data.norge.no kan høste den. Se også{" "}
        <NextLink href="/om-dataene" className="ds-link">
          Om dataene
        </NextLink>{" "}
        for datagrunnlaget og avvik fra rapporten.
      </Paragraph>
    </div>
  );
}
