import NextLink from "next/link";
import { Heading, Paragraph } from "@digdir/designsystemet-react";

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
      </Paragraph>
    </div>
  );
}
