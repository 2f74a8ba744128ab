import "server-only";
import type { Tx } from "@/lib/db";

export interface RoundMail {
  to: string;
  subject: string;
  text: string;
  kind: "surveyRound.opened" | "surveyRound.reminder";
  userId: number;
}

/** Queues the round's e-mails in the mutation's transaction (the outbox, lib/mail/outbox.ts). */
export async function sendRoundMail(tx: Tx, mails: RoundMail[]): Promise<number> {
  // TODO(outbox): enqueueMail from lib/mail/outbox.ts once it is on main.
  void tx;
  return mails.length;
}
