import "server-only";
import { log } from "@/lib/log";
import { prisma, type Tx } from "@/lib/db";
import type { OutboxMail } from "@/lib/generated/prisma/client";
import { configuredTransport, type MailTransport } from "./transport.ts";

/**
 * The e-mail outbox (docs/decisions/0048-mail-outbox.md). A mutation writes its mails with
 * `enqueueMail` inside its own transaction, so a mail exists exactly when the change does. Delivery
 * happens after commit (`kickOutbox`, and a periodic worker for retries and later sends): a mail
 * failure never undoes a change, and a crash between commit and send only delays the mail.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is about, for the outbox list and tests (e.g. "proposal.received", "user.invite"). */
  kind: string;
  /** The recipient, when a user. */
  userId?: number | null;
  changeRequestId?: number | null;
  /** Not before this time (a daily digest); default now. */
  sendAfter?: Date;
}

export const MAX_ATTEMPTS = 8;
const BATCH = 20;

/** Minutes to wait after the n-th failed attempt: 1, 5, 15, 60, then every 3 hours. */
export function retryDelayMinutes(attempt: number): number {
  return [1, 5, 15, 60][attempt - 1] ?? 180;
}

export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<void> {
  await tx.outboxMail.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.text,
      userId: mail.userId ?? null,
      changeRequestId: mail.changeRequestId ?? null,
      ...(mail.sendAfter ? { sendAfter: mail.sendAfter } : {}),
    },
  });
}

export interface DeliveryReport {
  sent: number;
  logged: number;
  failed: number;
  retrying: number;
}

/**
 * Sends what is due. Rows are claimed with FOR UPDATE SKIP LOCKED and their next attempt moved into
 * the future before sending, so two workers (two app instances) never send the same mail twice at once.
 */
export async function deliverPending(options: { now?: Date; limit?: number; transport?: MailTransport } = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const transport = options.transport ?? configuredTransport();
  const report: DeliveryReport = { sent: 0, logged: 0, failed: 0, retrying: 0 };
  const claimed = await prisma.$queryRaw<OutboxMail[]>`
    UPDATE "OutboxMail" AS m
    SET "attempts" = m."attempts" + 1,
        "sendAfter" = ${now}::timestamp + make_interval(mins => CASE m."attempts" + 1 WHEN 1 THEN 1 WHEN 2 THEN 5 WHEN 3 THEN 15 WHEN 4 THEN 60 ELSE 180 END)
    WHERE m."id" IN (
      SELECT "id" FROM "OutboxMail"
      WHERE "status" = 'PENDING' AND "sendAfter" <= ${now}::timestamp
      ORDER BY "id"
      LIMIT ${options.limit ?? BATCH}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING m.*`;
  for (const mail of claimed.sort((a, b) => a.id - b.id)) {
    try {
      await transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
      const status = transport.kind === "smtp" ? "SENT" : "LOGGED";
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { status, sentAt: new Date(), lastError: null } });
      report[transport.kind === "smtp" ? "sent" : "logged"] += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const gaveUp = mail.attempts >= MAX_ATTEMPTS;
      await prisma.outboxMail.update({ where: { id: mail.id }, data: { lastError: message, ...(gaveUp ? { status: "FAILED" } : {}) } });
      log.warn({ mailId: mail.id, attempts: mail.attempts, gaveUp }, `Utboks: sending av e-post ${mail.id} feilet (forsøk ${mail.attempts}${gaveUp ? ", gir opp" : ""}): ${message}`);
      report[gaveUp ? "failed" : "retrying"] += 1;
    }
  }
  return report;
}

/** Sends everything due now, batch after batch (a worker tick; also used by scripts and tests). */
export async function drainOutbox(options: { now?: Date; transport?: MailTransport } = {}): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, logged: 0, failed: 0, retrying: 0 };
  for (let round = 0; round < 50; round += 1) {
    const report = await deliverPending(options);
    for (const key of Object.keys(total) as (keyof DeliveryReport)[]) total[key] += report[key];
    if (report.sent + report.logged + report.failed + report.retrying < BATCH) break;
  }
  return total;
}

export interface OutboxListItem {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  status: OutboxMail["status"];
  attempts: number;
  lastError: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  createdAt: Date;
}

/** The newest mails first, for /admin/utboks. */
export async function listOutbox(options: { limit?: number; status?: OutboxMail["status"] } = {}): Promise<{ items: OutboxListItem[]; counts: Record<OutboxMail["status"], number> }> {
  const [items, grouped] = await Promise.all([
    prisma.outboxMail.findMany({ where: options.status ? { status: options.status } : {}, orderBy: { id: "desc" }, take: options.limit ?? 200 }),
    prisma.outboxMail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = { PENDING: 0, SENT: 0, LOGGED: 0, FAILED: 0 };
  for (const row of grouped) counts[row.status] = row._count._all;
  return { items, counts };
}
