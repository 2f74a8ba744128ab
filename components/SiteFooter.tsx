import NextLink from "next/link";
import { connection } from "next/server";
import { phoneHref, siteConfig } from "@/lib/config/site";

/** The footer: data source, the owner's contact line (configured, lib/config/site.ts) and the site's own pages. */
export async function SiteFooter() {
  // The owner and contact points are read when a page is served, never baked in at build time
  // (the only otherwise static page is the 404 page).
  await connection();
  const site = siteConfig();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="ds-paragraph" data-size="sm">
          Datagrunnlag: NIVI Analyse (2021), «Interkommunalt samarbeid i Buskerud», utarbeidet for Statsforvalteren i Oslo og Viken. Registeret holdes oppdatert av kommunene og kvalitetssikres av
          Statsforvalteren.
        </p>
        <p className="ds-paragraph" data-size="sm" data-testid="kontaktlinje">
          Ansvarlig: {site.ownerName}
          {site.email && (
            <>
              {" · "}
              <a className="ds-link" href={`mailto:${site.email}`}>
                {site.email}
              </a>
            </>
          )}
          {site.phone && (
            <>
              {" · "}
              <a className="ds-link" href={phoneHref(site.phone)}>
                {site.phone}
              </a>
            </>
          )}
        </p>
        <nav aria-label="Om nettstedet">
          <ul className="site-footer__links">
            <li>
              <NextLink href="/kontakt" className="ds-link">
                Kontakt
              </NextLink>
            </li>
            <li>
              <NextLink href="/personvern" className="ds-link">
                Personvern
              </NextLink>
            </li>
            <li>
              <NextLink href="/tilgjengelighet" className="ds-link">
                Tilgjengelighetserklæring
              </NextLink>
            </li>
            <li>
              <NextLink href="/apne-data" className="ds-link">
                Åpne data
              </NextLink>
            </li>
            <li>
              <NextLink href="/om-dataene" className="ds-link">
                Om dataene og avvik fra rapporten
              </NextLink>
            </li>
            <li>
              {/* A plain link: a JSON document, not a page (Next's prefetch would add ?_rsc=…, which the API answers with 400). */}
              <a href="/api/v1/openapi.json" className="ds-link">
                Åpent API (OpenAPI)
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
