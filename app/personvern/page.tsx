import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ContactSentence } from "@/components/site/ContactDetails";
import { siteConfig } from "@/lib/config/site";
import { RETENTION_DAYS } from "@/lib/auth/rate-limit";

export const metadata: Metadata = {
  title: "Personvern",
  description: "Hvilke personopplysninger Samarbeidsregisteret behandler, hvorfor, hvor lenge, og hvilke rettigheter du har.",
};
export const dynamic = "force-dynamic";

export default function PrivacyPage() {
  const site = siteConfig();
  return (
    <div className="stack prose">
      <Heading level={1} data-size="lg">
        Personvern
      </Heading>
      <Paragraph>
        {site.ownerName} er behandlingsansvarlig for personopplysningene i Samarbeidsregisteret. Her står hvilke opplysninger registeret behandler, hvorfor, og hvor lenge de lagres.
      </Paragraph>

      <Heading level={2} data-size="md">
        Når du leser registeret
      </Heading>
      <Paragraph>
        Registeret handler om samarbeid mellom kommuner: ordninger, deltakere, vertskommuner og oppgaver. Det inneholder ingen opplysninger om innbyggere. Når du leser registeret uten å logge inn,
        lagrer vi ingenting om deg: vi bruker ikke analyseverktøy, sporing eller informasjonskapsler for besøkende. Serveren kan føre vanlige tekniske logger for drift og sikkerhet; de brukes ikke til
        å følge enkeltpersoner.
      </Paragraph>

      <Heading level={2} data-size="md">
        Når du er logget inn
      </Heading>
      <Paragraph>Bare ansatte hos {site.ownerName} og i kommunene har konto. For dem behandler registeret:</Paragraph>
      <ul className="prose-list">
        <li>
          <strong>Kontoen:</strong> navn, e-postadresse, rolle, hvilke kommuner du representerer og når du sist logget inn. Passord lagres bare som en enveis-hash, aldri i klartekst. Kontoen opprettes
          av en administrator, og opplysningene står så lenge kontoen finnes; en deaktivert konto beholdes fordi endringsloggen viser til den.
        </li>
        <li>
          <strong>Innloggingsforsøk:</strong> e-postadressen som ble skrevet inn, tidspunktet, om forsøket lyktes, og en hash av IP-adressen (ikke selve adressen). Formålet er å stoppe forsøk på å
          gjette passord. Forsøkene slettes etter {RETENTION_DAYS} dager.
        </li>
        <li>
          <strong>Endringslogg og endringsforslag:</strong> hver endring i registeret lagres med navnet og rollen til den som foreslo og den som godkjente den, tidspunktet, kommentaren og verdiene før
          og etter. Loggen gjør registeret etterprøvbart og slettes ikke automatisk.
        </li>
        <li>
          <strong>Informasjonskapsel for innlogging:</strong> en nødvendig øktkapsel som holder deg innlogget i inntil åtte timer. Den brukes ikke til noe annet.
        </li>
      </ul>

      <Heading level={2} data-size="md">
        Rettslig grunnlag
      </Heading>
      <Paragraph>
        Behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse og for å utøve offentlig myndighet (personvernforordningen artikkel 6 nr. 1 bokstav e): Statsforvalteren skal ha
        oversikt over og veilede om interkommunalt samarbeid etter kommuneloven, og kommunene skal holde opplysningene om sine samarbeid oppdatert. Opplysningene deles ikke med andre og brukes ikke
        til andre formål.
      </Paragraph>

      <Heading level={2} data-size="md">
        Dine rettigheter
      </Heading>
      <Paragraph>
        Du kan be om innsyn i opplysningene om deg, og om å få dem rettet. Du kan også be om sletting eller begrensning, men opplysninger i endringsloggen beholdes så langt de trengs for å vise hvem
        som endret registeret. Du kan klage til{" "}
        <a className="ds-link" href="https://www.datatilsynet.no/">
          Datatilsynet
        </a>{" "}
        hvis du mener opplysningene behandles i strid med reglene.
      </Paragraph>

      <Heading level={2} data-size="md">
        Kontakt
      </Heading>
      <ContactSentence site={site} />
      <Paragraph>
        Du kan også kontakte personvernombudet hos {site.ownerName}. Se{" "}
        <NextLink href="/kontakt" className="ds-link">
          kontaktsiden
        </NextLink>{" "}
        for alle kontaktopplysninger.
      </Paragraph>
    </div>
  );
}
