import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ChangePasswordForm, LogOutEverywhereForm } from "@/components/auth/AccountForms";
import { requireActor } from "@/lib/auth/page";
import { USER_ROLE_LABELS } from "@/lib/domain/roles";
import { endUserSessionsAction } from "../admin/actions";
import { changeOwnPasswordAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Min konto" };

export default async function AccountPage() {
  const actor = await requireActor("/konto");
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        Min konto
      </Heading>
      <Paragraph>
        {actor.name} · {actor.email} · {USER_ROLE_LABELS[actor.role]}
      </Paragraph>
      <section aria-labelledby="passord" className="stack">
        <Heading level={2} data-size="md" id="passord">
          Endre passord
        </Heading>
        <Paragraph data-size="sm">Når du endrer passordet, blir du logget ut på alle andre enheter.</Paragraph>
        <ChangePasswordForm action={changeOwnPasswordAction} email={actor.email} />
      </section>
      <section aria-labelledby="overalt" className="stack">
        <Heading level={2} data-size="md" id="overalt">
          Logg ut overalt
        </Heading>
        <Paragraph data-size="sm">Avslutter alle innlogginger med kontoen din, også her. Bruk dette hvis du har glemt å logge ut på en delt eller mistet maskin.</Paragraph>
        <LogOutEverywhereForm action={endUserSessionsAction} userId={actor.id} />
      </section>
    </div>
  );
}
