import { Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { ForgotPasswordForm } from "@/components/auth/AccountForms";
import { requestPasswordResetAction } from "../konto/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Glemt passord" };

export default function ForgotPasswordPage() {
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        Glemt passord
      </Heading>
      <Paragraph>Skriv e-postadressen du logger inn med. Har du en konto, får du en e-post med en lenke der du velger nytt passord. Lenken er gyldig i én time og virker én gang.</Paragraph>
      <ForgotPasswordForm action={requestPasswordResetAction} />
      <Paragraph data-size="sm">
        <NextLink href="/logg-inn" className="ds-link">
          Tilbake til innloggingen
        </NextLink>
      </Paragraph>
    </div>
  );
}
