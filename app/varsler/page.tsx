import { Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { MailPreferenceForm, MarkReadForm } from "@/components/editing/NotificationForms";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { mailPreferenceOf, notificationsFor } from "@/lib/notifications/queries";
import { markNotificationsReadAction, setProposalMailPreferenceAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Varsler" };

const date = new Intl.DateTimeFormat("nb-NO", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" });

/** The logged-in user's events about change requests, unread first; advisers also choose how they get mail. */
export default async function NotificationsPage() {
  const actor = await requireActor("/varsler");
  const [events, preference] = await Promise.all([notificationsFor(actor), mailPreferenceOf(actor)]);
  const unread = events.filter((e) => !e.readAt);
  const adviser = authorize(actor, "changeRequest.review").allowed;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Varsler
      </Heading>
      <Paragraph>{unread.length === 0 ? "Du har ingen uleste varsler." : `Du har ${unread.length} ${unread.length === 1 ? "ulest varsel" : "uleste varsler"}.`}</Paragraph>
      {unread.length > 0 ? <MarkReadForm action={markNotificationsReadAction} /> : null}
      {events.length > 0 ? (
        <ul className="thread" data-testid="varsler">
          {events.map((e) => (
            <li key={e.id} className="thread__entry" data-ulest={e.readAt ? undefined : "ja"}>
              <Paragraph data-size="sm">
                {e.readAt ? "" : <strong>Ulest · </strong>}
                <time dateTime={e.createdAt.toISOString()}>{date.format(e.createdAt)}</time>
              </Paragraph>
              <Paragraph>
                {e.changeRequestId ? (
                  <NextLink href={`/endringsforslag/${e.changeRequestId}`} className="ds-link">
                    {e.text}
                  </NextLink>
                ) : (
                  e.text
                )}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {adviser ? (
        <section aria-labelledby="epostvalg" className="stack">
          <Heading level={2} data-size="md" id="epostvalg">
            E-post om nye forslag
          </Heading>
          <MailPreferenceForm action={setProposalMailPreferenceAction} current={preference} />
        </section>
      ) : (
        <Paragraph data-size="sm">Du får e-post når forslagene dine blir godkjent, avvist, sendt tilbake eller kommentert.</Paragraph>
      )}
    </div>
  );
}
