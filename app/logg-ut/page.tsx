import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { LogoutButton } from "@/components/auth/LogoutButton";
import { currentActor } from "@/lib/auth/actor";
import { loginPath, safeReturnPath } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Logg ut" };

/** `?tilbake=/side`: after logging out, the login page that comes back to that page (from «Ingen tilgang»: log in as someone else). */
export default async function LogoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, params] = await Promise.all([currentActor(), searchParams]);
  const returnTo = safeReturnPath(params.tilbake, "");
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Logg ut
      </Heading>
      {actor ? (
        <>
          <Paragraph>
            Du er logget inn som {actor.name}. Vil du logge ut{returnTo ? " og logge inn med en annen konto" : ""}?
          </Paragraph>
          <div>
            <LogoutButton callbackUrl={returnTo ? loginPath(returnTo) : "/"} />
          </div>
        </>
      ) : (
        <Paragraph>Du er ikke logget inn.</Paragraph>
      )}
    </div>
  );
}
