import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { currentActor } from "@/lib/auth/actor";
import { entraIdConfigured } from "@/lib/auth/options";
import { landingPath, safeReturnPath } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Logg inn" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await currentActor();
  const returnTo = safeReturnPath(params.callbackUrl, "");
  // Already logged in (or just logged in): straight on to the page that sent the user here.
  if (actor) redirect(returnTo || landingPath(actor.role));
  const error = typeof params.feil === "string" ? params.feil : typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Logg inn
      </Heading>
      <Paragraph>For kommunedirektører og deres medarbeidere, og for rådgivere hos Statsforvalteren. Alle opplysningene i registeret er åpne og kan leses uten å logge inn.</Paragraph>
      <LoginForm returnTo={returnTo} entraId={entraIdConfigured()} initialError={error} />
    </div>
  );
}
