import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";

export interface RoundMail {
  to: string;
  subject: string;
  text: string;
  kind: "surveyRound.opened" | "surveyRound.reminder";
  userId: number;
}

/** Queues the round's e-mails in the mutation's transaction (the outbox, lib/mail/outbox.ts); returns how many. */
export async function sendRoundMail(tx: Tx, mails: RoundMail[]): Promise<number> {
  for (const mail of mails) await enqueueMail(tx, mail);
  return mails.length;
}
