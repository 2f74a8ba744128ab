import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { SetPasswordForm } from "@/components/auth/AccountForms";
import { DENIED_LINK } from "@/lib/auth/authorize";
import { accountLinkState } from "@/lib/users/queries";
import { setPasswordWithLinkAction } from "../../konto/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Velg passord", referrer: "no-referrer" };

/** The page of a one-time link (invitation or «Glemt passord»). Reading it does not spend the link. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await accountLinkState(token);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {link?.purpose === "INVITE" ? "Velg passord" : "Nytt passord"}
      </Heading>
      {link ? (
        <>
          <Paragraph>
            {link.purpose === "INVITE" ? `Velkommen til Samarbeidsregisteret, ${link.name}. ` : ""}Velg et passord for {link.email}.
          </Paragraph>
          <SetPasswordForm action={setPasswordWithLinkAction} token={token} email={link.email} />
        </>
      ) : (
        <Alert data-color="warning" data-testid="ugyldig-lenke">
          <Paragraph>{DENIED_LINK}</Paragraph>
          <Paragraph>
            <NextLink href="/glemt-passord" className="ds-link">
              Be om en ny lenke
            </NextLink>
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}
