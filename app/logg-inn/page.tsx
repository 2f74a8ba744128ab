import { Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { LoginForm } from "@/components/auth/LoginForm";
import { currentActor } from "@/lib/auth/actor";
import { entraIdConfigured } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Logg inn" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const actor = await currentActor();
  const defaultTarget = actor?.role === "KOMMUNE" ? "/mine-forslag" : "/endringsforslag";
  const returnTo = safeReturnPath(params.callbackUrl, "");
  const error = typeof params.feil === "string" ? params.feil : typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Logg inn
      </Heading>
      {actor ? (
        <Paragraph>
          Du er logget inn som {actor.name}.{" "}
          <NextLink href={defaultTarget} className="ds-link">
            Gå videre
          </NextLink>{" "}
          eller{" "}
          <NextLink href="/logg-ut" className="ds-link">
            logg ut
          </NextLink>
          .
        </Paragraph>
      ) : (
        <>
          <Paragraph>For kommunedirektører og deres medarbeidere, og for rådgivere hos Statsforvalteren. Alle opplysningene i registeret er åpne og kan leses uten å logge inn.</Paragraph>
          <LoginForm returnTo={returnTo || "/mine-forslag"} entraId={entraIdConfigured()} initialError={error} />
        </>
      )}
    </div>
  );
}
