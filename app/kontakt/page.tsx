import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ContactDetails } from "@/components/site/ContactDetails";
import { siteConfig } from "@/lib/config/site";

export const metadata: Metadata = {
  title: "Kontakt",
  description: "Hvem som har ansvar for Samarbeidsregisteret, og hvordan du kommer i kontakt med dem.",
};
// The contact points are read from the configuration when the page is requested, not at build time.
export const dynamic = "force-dynamic";

export default function ContactPage() {
  const site = siteConfig();
  return (
    <div className="stack prose">
      <Heading level={1} data-size="lg">
        Kontakt
      </Heading>
      <Paragraph>Samarbeidsregisteret er et register over formelle interkommunale samarbeidsordninger. {site.ownerName} har ansvar for registeret og for opplysningene i det.</Paragraph>
      <ContactDetails site={site} />

      <Heading level={2} data-size="md">
        Hva kan du kontakte oss om?
      </Heading>
      <ul className="prose-list">
        <li>
          <strong>Feil eller mangler i en ordning.</strong> Kommunene melder endringer selv når de er logget inn (et endringsforslag som Statsforvalteren godkjenner). Andre kan skrive til oss; oppgi
          gjerne adressen til ordningen og hva som er feil.
        </li>
        <li>
          <strong>Tilgang for kommunen din.</strong> Kontoer for kommunenes redaktører opprettes av en administrator hos {site.ownerName}.
        </li>
        <li>
          <strong>Problemer med å bruke nettstedet.</strong> Se{" "}
          <NextLink href="/tilgjengelighet" className="ds-link">
            tilgjengelighetserklæringen
          </NextLink>{" "}
          for kjente mangler og hvordan du klager.
        </li>
        <li>
          <strong>Personopplysninger.</strong> Se{" "}
          <NextLink href="/personvern" className="ds-link">
            personvernerklæringen
          </NextLink>
          .
        </li>
        <li>
          <strong>Bruk av dataene.</strong> Registeret har et{" "}
          <a href="/api/v1/openapi.json" className="ds-link">
            åpent API
          </a>
          , og hver liste kan lastes ned. Se også{" "}
          <NextLink href="/om-dataene" className="ds-link">
            om dataene
          </NextLink>
          .
        </li>
      </ul>
    </div>
  );
}
