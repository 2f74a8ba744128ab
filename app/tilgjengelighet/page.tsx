import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ContactSentence } from "@/components/site/ContactDetails";
import { siteConfig } from "@/lib/config/site";

export const metadata: Metadata = {
  title: "Tilgjengelighetserklæring",
  description: "Hvordan Samarbeidsregisteret oppfyller kravene til universell utforming, kjente mangler, og hvordan du melder fra eller klager.",
};
export const dynamic = "force-dynamic";

/** When this statement was last reviewed against the site (update together with the list of gaps). */
const REVIEWED = "30.11.2026";

export default function AccessibilityStatementPage() {
  const site = siteConfig();
  return (
    <div className="stack prose">
      <Heading level={1} data-size="lg">
        {/* A soft hyphen: the long compound otherwise makes a 390 px screen scroll sideways. */}
        Tilgjengelighets{"\u00AD"}erklæring
      </Heading>
      <Paragraph>
        {site.ownerName} har ansvar for Samarbeidsregisteret og ønsker at alle skal kunne bruke det, uansett funksjonsevne. Denne erklæringen gjelder nettstedet Samarbeidsregisteret og ble sist
        gjennomgått {REVIEWED}.
      </Paragraph>

      <Heading level={2} data-size="md">
        Hvilke krav gjelder
      </Heading>
      <Paragraph>
        Forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT-)løsninger krever at offentlige nettsteder følger retningslinjene WCAG 2.1 (Web Content Accessibility
        Guidelines) på nivå A og AA, med de unntakene forskriften gir. Vi bruker WCAG 2.1 nivå AA som krav, og ser også etter de nye kravene i WCAG 2.2.
      </Paragraph>

      <Heading level={2} data-size="md">
        Hvor godt registeret oppfyller kravene
      </Heading>
      <Paragraph>
        Registeret oppfyller kravene <strong>delvis</strong>. Alle offentlige sider testes automatisk med verktøyet axe ved hver endring, både i mobil- og skjermbredde, og har da ingen kjente brudd.
        Automatiske tester finner bare en del av feilene. Vi har ennå ikke gjort en fullstendig manuell gjennomgang med skjermleser og tastatur av alle sidene, og kjenner til manglene under.
      </Paragraph>

      <Heading level={2} data-size="md">
        Kjente mangler
      </Heading>
      <ul className="prose-list">
        <li>
          <strong>Kartet er skjematisk.</strong> På{" "}
          <NextLink href="/kart" className="ds-link">
            kartsiden
          </NextLink>{" "}
          er kommunene plassert omtrentlig, ikke etter kommunegrensene. Tegningen er ett stopp for tastaturet (piltastene flytter mellom kommunene), og samarbeidsmatrisen under viser de samme tallene
          som en tabell. De samme opplysningene finnes som tekst og tabeller på hver{" "}
          <NextLink href="/kommuner" className="ds-link">
            kommuneside
          </NextLink>{" "}
          og i{" "}
          <NextLink href="/ordninger" className="ds-link">
            listen over ordninger
          </NextLink>
          .
        </li>
        <li>
          <strong>Brede tabeller på mobil.</strong> Noen tabeller har flere kolonner enn det er plass til på en smal skjerm og må rulles sidelengs.
        </li>
        <li>
          <strong>Nedlastbare filer.</strong> Regneark og CSV-filer er ikke kontrollert for tilgjengelighet. Innholdet finnes også på nettsidene.
        </li>
        <li>
          <strong>Sidene for innloggede brukere</strong> (endringsforslag og administrasjon) er testet automatisk, men ikke gjennomgått manuelt med skjermleser.
        </li>
      </ul>

      <Heading level={2} data-size="md">
        Meld fra om problemer
      </Heading>
      <Paragraph>
        Får du ikke brukt en del av registeret, eller finner du en feil som ikke står her? Fortell oss hvilken side det gjelder og hva som ikke fungerer, så retter vi det eller gir deg opplysningene
        på en annen måte.
      </Paragraph>
      <ContactSentence site={site} />

      <Heading level={2} data-size="md">
        Klage
      </Heading>
      <Paragraph>
        Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT (Digitaliseringsdirektoratet), på{" "}
        <a className="ds-link" href="https://www.uutilsynet.no/">
          uutilsynet.no
        </a>
        . Tilsynet fører tilsyn med at offentlige nettsteder følger kravene.
      </Paragraph>
    </div>
  );
}
