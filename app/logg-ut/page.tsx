import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { LogoutButton } from "@/components/auth/LogoutButton";
import { currentActor } from "@/lib/auth/actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Logg ut" };

export default async function LogoutPage() {
  const actor = await currentActor();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Logg ut
      </Heading>
      {actor ? (
        <>
          <Paragraph>Du er logget inn som {actor.name}. Vil du logge ut?</Paragraph>
          <div>
            <LogoutButton />
          </div>
        </>
      ) : (
        <Paragraph>Du er ikke logget inn.</Paragraph>
      )}
    </div>
  );
}
