import type { Metadata } from "next";
import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";

export const metadata: Metadata = { title: "Fant ikke siden" };

/**
 * The 404 page. Rendered on the server inside the root layout (lang="nb") both for unmatched URLs
 * and for missing arrangements, municipalities, regions and statistics pages, which proxy.ts
 * rewrites to an unmatched path (lib/site/missing-page.ts explains why).
 */
export default function NotFound() {
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Fant ikke siden
      </Heading>
      <Paragraph>Siden du leter etter finnes ikke, eller den er flyttet.</Paragraph>
      <Paragraph>
        <NextLink href="/" className="ds-link">
          Gå til forsiden
        </NextLink>
        {" · "}
        <NextLink href="/sok" className="ds-link">
          Søk i registeret
        </NextLink>
      </Paragraph>
    </div>
  );
}
