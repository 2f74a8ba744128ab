import { Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { AccountLinkForm, ActiveForm, EndSessionsForm, UserForm } from "@/components/auth/UserForms";
import { authorize } from "@/lib/auth/authorize";
import { USER_ROLE_LABELS } from "@/lib/domain/roles";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { formOptions } from "@/lib/changes/queries";
import { awaitingFirstLogin, userDetail } from "@/lib/users/queries";
import { endUserSessionsAction, sendAccountLinkAction, setUserActiveAction, updateUserAction } from "../../actions";

const osloTime = (date: Date) => date.toLocaleString("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });

export const dynamic = "force-dynamic";
export const metadata = { title: "Bruker" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/admin/brukere/${id}`);
  const decision = authorize(actor, "user.manage");
  if (!decision.allowed) return denyAccess(decision.reason);
  const user = /^\d{1,9}$/.test(id) ? await userDetail(Number(id)) : null;
  if (!user) notFound();
  const options = await formOptions();
  const pendingLink = user.accountTokens[0];
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {user.name}
      </Heading>
      <Paragraph>
        {user.email} · {USER_ROLE_LABELS[user.role]} · {user.active ? "Aktiv" : "Deaktivert"}
        {awaitingFirstLogin(user) ? " · Har ikke valgt passord ennå" : user.passwordHash ? "" : " · Logger inn med Entra ID"}
      </Paragraph>
      {pendingLink ? (
        <Paragraph data-size="sm" data-testid="aktiv-lenke">
          {pendingLink.purpose === "INVITE" ? "Invitasjonen" : "Lenken for nytt passord"} er gyldig til {osloTime(pendingLink.expiresAt)}.
        </Paragraph>
      ) : null}
      <UserForm
        key={`${user.id}-${user.updatedAt.getTime()}`}
        action={updateUserAction}
        municipalities={options.municipalities.filter((m) => m.inSurveyScope)}
        user={{ id: user.id, name: user.name, email: user.email, role: user.role, municipalityIds: user.municipalities.map((m) => m.municipalityId) }}
      />
      {user.active ? <AccountLinkForm action={sendAccountLinkAction} userId={user.id} invite={awaitingFirstLogin(user)} /> : null}
      {user.active ? <EndSessionsForm action={endUserSessionsAction} userId={user.id} /> : null}
      <ActiveForm key={String(user.active)} action={setUserActiveAction} userId={user.id} active={user.active} />
      <Paragraph>
        <NextLink href="/admin" className="ds-link">
          Tilbake til brukerlisten
        </NextLink>
      </Paragraph>
    </div>
  );
}
