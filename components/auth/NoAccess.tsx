import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { GENERAL_REASON } from "@/lib/auth/forbidden-reason";

/** «Ingen tilgang»: the general sentence, the section's rule when known, and the ways on (another account, the front page). */
export function NoAccess({ reason, returnTo }: { reason: string | null; returnTo: string | null }) {
  const otherAccount = returnTo ? `/logg-ut?tilbake=${encodeURIComponent(returnTo)}` : "/logg-ut";
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Ingen tilgang
      </Heading>
      <Alert data-color="warning" data-testid="ingen-tilgang">
        <Paragraph>{GENERAL_REASON}</Paragraph>
        {reason ? <Paragraph data-testid="ingen-tilgang-grunn">{reason}</Paragraph> : null}
      </Alert>
      <Paragraph>
        <NextLink href={otherAccount} className="ds-link">
          Logg inn med en annen konto
        </NextLink>{" "}
        ·{" "}
        <NextLink href="/" className="ds-link">
          Gå til forsiden
        </NextLink>
      </Paragraph>
    </div>
  );
}
