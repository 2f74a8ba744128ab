import { Paragraph } from "@digdir/designsystemet-react";
import { phoneHref, type SiteConfig } from "@/lib/config/site";

/** The owner's contact points as configured (lib/config/site.ts); the website is always there. */
export function ContactDetails({ site }: { site: SiteConfig }) {
  return (
    <dl className="contact-details">
      <dt>Ansvarlig</dt>
      <dd>{site.ownerName}</dd>
      {site.email && (
        <>
          <dt>E-post</dt>
          <dd>
            <a className="ds-link" href={`mailto:${site.email}`}>
              {site.email}
            </a>
          </dd>
        </>
      )}
      {site.phone && (
        <>
          <dt>Telefon</dt>
          <dd>
            <a className="ds-link" href={phoneHref(site.phone)}>
              {site.phone}
            </a>
          </dd>
        </>
      )}
      {site.address && (
        <>
          <dt>Adresse</dt>
          <dd>{site.address}</dd>
        </>
      )}
      <dt>Nettsted</dt>
      <dd>
        <a className="ds-link" href={site.ownerUrl}>
          {site.ownerUrl.replace(/^https?:\/\//, "")}
        </a>
      </dd>
    </dl>
  );
}

/** One sentence on how to reach the owner, for running text. */
export function ContactSentence({ site }: { site: SiteConfig }) {
  return (
    <Paragraph>
      {site.email ? (
        <>
          Skriv til{" "}
          <a className="ds-link" href={`mailto:${site.email}`}>
            {site.email}
          </a>
          {site.phone && (
            <>
              {" "}
              eller ring{" "}
              <a className="ds-link" href={phoneHref(site.phone)}>
                {site.phone}
              </a>
            </>
          )}
          .
        </>
      ) : (
        <>
          Kontakt {site.ownerName} gjennom{" "}
          <a className="ds-link" href={site.ownerUrl}>
            {site.ownerUrl.replace(/^https?:\/\//, "")}
          </a>
          {site.phone && (
            <>
              {" "}
              eller på telefon{" "}
              <a className="ds-link" href={phoneHref(site.phone)}>
                {site.phone}
              </a>
            </>
          )}
          .
        </>
      )}
    </Paragraph>
  );
}
