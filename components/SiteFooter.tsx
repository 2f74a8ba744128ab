import NextLink from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="ds-paragraph" data-size="sm">
          Datagrunnlag: NIVI Analyse (2021), «Interkommunalt samarbeid i Buskerud», utarbeidet for
          Statsforvalteren i Oslo og Viken. Registeret holdes oppdatert av kommunene og kvalitetssikres av
          Statsforvalteren.
        </p>
        <p className="ds-paragraph" data-size="sm">
          <NextLink href="/om-dataene" className="ds-link">
            Om dataene og avvik fra rapporten
          </NextLink>
          {" · "}
          <NextLink href="/api/v1/openapi.json" className="ds-link">
            Åpent API (OpenAPI)
          </NextLink>
        </p>
      </div>
    </footer>
  );
}
