import "server-only";
import { publicUrl } from "@/lib/config/public-url";
import type { Tx } from "@/lib/db";
import { REGISTRY_TIME_ZONE, todayInNorway } from "@/lib/domain/today";
import { enqueueMail } from "@/lib/mail/outbox";

/**
 * Who is told what about a change request: an in-app event (Notification) and, where the issue
 * asks for it, a mail through the outbox. Always called inside the transaction of the change, so
 * the events and mails exist exactly when the change does (a failed mail never undoes it: the
 * outbox retries after commit).
 */
export interface RequestRef {
  id: number;
  summary: string;
  proposerId: number;
}

export type ProposerEvent = "approved" | "rejected" | "returned" | "commented";

const SUBJECTS: Record<ProposerEvent, string> = {
  approved: "Forslaget ditt er godkjent",
  rejected: "Forslaget ditt er avvist",
  returned: "Forslaget ditt er sendt tilbake til deg",
  commented: "Ny kommentar på forslaget ditt",
};

const LEADS: Record<ProposerEvent, string> = {
  approved: "Statsforvalteren har godkjent forslaget ditt, og endringen er publisert.",
  rejected: "Statsforvalteren har avvist forslaget ditt.",
  returned: "Statsforvalteren har sendt forslaget ditt tilbake til deg. Endre det og send det på nytt, eller trekk det tilbake.",
  commented: "Det har kommet en ny kommentar på forslaget ditt.",
};

const link = (requestId: number) => publicUrl(`/endringsforslag/${requestId}`);
const signature = "\n\nHilsen Samarbeidsregisteret\n(Denne e-posten er sendt automatisk.)";

/** Tells the proposer (in the app and by mail) what an adviser did; nothing when the proposer did it. */
export async function notifyProposer(tx: Tx, request: RequestRef, event: ProposerEvent, by: { id: number; name: string }, comment: string | null): Promise<void> {
  if (by.id === request.proposerId) return;
  const proposer = await tx.user.findUnique({ where: { id: request.proposerId }, select: { id: true, email: true, active: true } });
  if (!proposer) return;
  await tx.notification.create({ data: { userId: proposer.id, changeRequestId: request.id, kind: event, text: `${SUBJECTS[event]}: ${request.summary}`.slice(0, 500) } });
  if (!proposer.active) return;
  const text = [LEADS[event], "", `Forslag: ${request.summary}`, comment ? `\nKommentar fra ${by.name}:\n${comment}` : "", "", `Se forslaget: ${link(request.id)}`].join("\n") + signature;
  await enqueueMail(tx, { to: proposer.email, subject: `${SUBJECTS[event]}: ${request.summary}`.slice(0, 200), text, kind: `proposal.${event}`, userId: proposer.id, changeRequestId: request.id });
}

/**
 * A proposal arrived (or came back revised): every active adviser gets an in-app event, and a mail
 * now or in the next daily digest (07:00 Norwegian time), as each has chosen.
 */
export async function notifyAdvisersOfProposal(tx: Tx, request: RequestRef & { proposerName: string; municipalityName: string | null }, revised: boolean): Promise<void> {
  const advisers = await tx.user.findMany({ where: { role: "STATSFORVALTER", active: true }, select: { id: true, email: true, proposalMail: true } });
  const what = revised ? "Revidert endringsforslag" : "Nytt endringsforslag";
  const from = `${request.proposerName}${request.municipalityName ? ` (${request.municipalityName} kommune)` : ""}`;
  const digestAt = nextDigestTime();
  for (const adviser of advisers) {
    await tx.notification.create({ data: { userId: adviser.id, changeRequestId: request.id, kind: revised ? "revised" : "proposed", text: `${what} fra ${from}: ${request.summary}`.slice(0, 500) } });
    if (adviser.proposalMail === "IMMEDIATE") {
      const text = [`${what} fra ${from} venter på behandling.`, "", `Forslag: ${request.summary}`, "", `Behandle forslaget: ${link(request.id)}`].join("\n") + signature;
      await enqueueMail(tx, { to: adviser.email, subject: `${what}: ${request.summary}`.slice(0, 200), text, kind: "proposal.received", userId: adviser.id, changeRequestId: request.id });
      continue;
    }
    // Daily digest: one mail per adviser and morning, holding one line per proposal.
    const line = `• ${request.summary} — fra ${from}\n  ${link(request.id)}\n`;
    const appended = await tx.$executeRaw`
      UPDATE "OutboxMail" SET "body" = "body" || ${line}
      WHERE "userId" = ${adviser.id} AND "kind" = 'proposal.digest' AND "status" = 'PENDING' AND "sendAfter" = ${digestAt}::timestamp`;
    if (appended > 0) continue;
    const intro = [
      "Endringsforslag fra kommunene som har kommet inn siden forrige sammendrag.",
      `Se alle som venter på behandling: ${publicUrl("/endringsforslag")}`,
      `Vil du heller ha én e-post per forslag med en gang? Endre valget under Varsler: ${publicUrl("/varsler")}`,
      "",
      "",
    ].join("\n");
    await enqueueMail(tx, { to: adviser.email, subject: "Daglig sammendrag: nye endringsforslag", text: intro + line, kind: "proposal.digest", userId: adviser.id, sendAfter: digestAt });
  }
}

/** The proposer wrote in the thread: the advisers who have taken part in it get an in-app event. */
export async function notifyAdvisersOfComment(tx: Tx, request: RequestRef, by: { id: number; name: string }): Promise<void> {
  const authors = await tx.changeRequestComment.findMany({
    where: { changeRequestId: request.id, author: { role: { in: ["STATSFORVALTER", "ADMIN"] } } },
    select: { authorId: true },
    distinct: ["authorId"],
  });
  for (const { authorId } of authors) {
    if (authorId === by.id) continue;
    await tx.notification.create({ data: { userId: authorId, changeRequestId: request.id, kind: "commented", text: `${by.name} har kommentert: ${request.summary}`.slice(0, 500) } });
  }
}

const hourFormat = new Intl.DateTimeFormat("en-GB", { timeZone: REGISTRY_TIME_ZONE, hour: "2-digit", hourCycle: "h23" });
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: REGISTRY_TIME_ZONE, timeZoneName: "longOffset" });

/** The next 07:00 in Norway (today's when it is earlier, else tomorrow's). */
export function nextDigestTime(now: Date = new Date()): Date {
  const hour = Number(hourFormat.format(now));
  const day = hour < 7 ? todayInNorway(now) : todayInNorway(new Date(now.getTime() + 24 * 3600_000));
  const noon = new Date(`${day}T12:00:00Z`);
  const offset = /GMT([+-]\d{2}):(\d{2})/.exec(offsetFormat.format(noon));
  const zone = offset ? `${offset[1]}:${offset[2]}` : "+01:00";
  return new Date(`${day}T07:00:00${zone}`);
}
