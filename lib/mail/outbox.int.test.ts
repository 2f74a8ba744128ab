import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inTransaction } from "@/lib/changes/mutation";
import { fail, MutationFailure } from "@/lib/changes/result";
import { prisma } from "@/lib/db";
import { useSeededRegistry } from "@/tests/helpers/database";
import { deliverPending, drainOutbox, enqueueMail, MAX_ATTEMPTS } from "./outbox.ts";
import { logTransport, type MailMessage, type MailTransport, smtpTransport } from "./transport.ts";

/** The outbox (docs/decisions/0048): mails commit with their change, are sent after, and survive failures. */
let db: Awaited<ReturnType<typeof useSeededRegistry>>;
let smtp: SMTPServer;
let smtpUrl: string;
const received: { to: string[]; data: string }[] = [];

beforeAll(async () => {
  db = await useSeededRegistry();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await prisma.$disconnect();
  await db.drop();
});
beforeEach(async () => {
  await prisma.outboxMail.deleteMany();
  received.length = 0;
});

const mail = (n: number) => ({ to: `mottaker${n}@kommune.no`, subject: `Emne ${n}: æøå`, text: `Hei!\nTekst ${n} med æøå.`, kind: "test" });

describe("mail outbox", () => {
  it("a mail exists exactly when its transaction commits", async () => {
    await inTransaction(async (tx) => {
      await enqueueMail(tx, mail(1));
      return { ok: true, outcome: "done", message: "ok" };
    });
    await inTransaction(async (tx) => {
      await enqueueMail(tx, mail(2));
      throw new MutationFailure(fail("validation", "Nei"));
    });
    await inTransaction(async (tx) => {
      await enqueueMail(tx, mail(3));
      throw new Error("boom");
    });
    const rows = await prisma.outboxMail.findMany();
    expect(rows.map((r) => r.toAddress)).toEqual(["mottaker1@kommune.no"]);
    expect(rows[0]).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("delivers through SMTP, with Norwegian letters intact", async () => {
    await prisma.$transaction(async (tx) => {
      await enqueueMail(tx, mail(1));
      await enqueueMail(tx, mail(2));
    });
    const report = await drainOutbox({ transport: smtpTransport(smtpUrl, "Registeret <ikke-svar@example.no>") });
    expect(report).toMatchObject({ sent: 2, failed: 0, retrying: 0 });
    expect(received.map((m) => m.to)).toEqual([["mottaker1@kommune.no"], ["mottaker2@kommune.no"]]);
    expect(received[0]?.data).toMatch(/Subject: =\?UTF-8\?/);
    const rows = await prisma.outboxMail.findMany({ orderBy: { id: "asc" } });
    expect(rows.every((r) => r.status === "SENT" && r.sentAt !== null && r.attempts === 1)).toBe(true);
    // Nothing is sent twice.
    expect(await drainOutbox({ transport: smtpTransport(smtpUrl) })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(2);
  });

  it("without SMTP the mail is logged and kept readable, never lost", async () => {
    await prisma.$transaction((tx) => enqueueMail(tx, mail(1)));
    expect(await drainOutbox({ transport: logTransport })).toMatchObject({ logged: 1 });
    expect(await prisma.outboxMail.findFirstOrThrow()).toMatchObject({ status: "LOGGED", body: "Hei!\nTekst 1 med æøå." });
  });

  it("a failing server means retries with growing delays, then gives up; the change is untouched", async () => {
    await prisma.$transaction((tx) => enqueueMail(tx, mail(1)));
    const down: MailTransport = { kind: "smtp", send: async () => Promise.reject(new Error("ECONNREFUSED")) };
    let now = new Date();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverPending({ now, transport: down })).toMatchObject(attempt < MAX_ATTEMPTS ? { retrying: 1 } : { failed: 1 });
      const row = await prisma.outboxMail.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      delays.push((row.sendAfter.getTime() - now.getTime()) / 60_000);
      // Not due again before its delay.
      expect(await deliverPending({ now: new Date(row.sendAfter.getTime() - 1000), transport: down })).toMatchObject({ retrying: 0, failed: 0 });
      now = row.sendAfter;
    }
    expect(delays.slice(0, 5)).toEqual([1, 5, 15, 60, 180]);
    expect(await prisma.outboxMail.findFirstOrThrow()).toMatchObject({ status: "FAILED", lastError: "ECONNREFUSED" });
  });

  it("recovers when the server comes back", async () => {
    await prisma.$transaction((tx) => enqueueMail(tx, mail(1)));
    const down: MailTransport = { kind: "smtp", send: async () => Promise.reject(new Error("timeout")) };
    const now = new Date();
    await deliverPending({ now, transport: down });
    const later = new Date(now.getTime() + 2 * 60_000);
    expect(await deliverPending({ now: later, transport: smtpTransport(smtpUrl) })).toMatchObject({ sent: 1 });
    expect(await prisma.outboxMail.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("two workers at once never send the same mail twice", async () => {
    await prisma.$transaction(async (tx) => {
      for (let n = 0; n < 15; n += 1) await enqueueMail(tx, mail(n));
    });
    const sent: MailMessage[] = [];
    const slow: MailTransport = { kind: "smtp", send: async (m) => void sent.push(m) };
    await Promise.all([drainOutbox({ transport: slow }), drainOutbox({ transport: slow }), drainOutbox({ transport: slow })]);
    expect(sent).toHaveLength(15);
    expect(new Set(sent.map((m) => m.to)).size).toBe(15);
  });

  it("a mail for later waits until then (daily digests)", async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await prisma.$transaction((tx) => enqueueMail(tx, { ...mail(1), sendAfter: tomorrow }));
    expect(await drainOutbox({ transport: logTransport })).toMatchObject({ logged: 0 });
    expect(await drainOutbox({ now: tomorrow, transport: logTransport })).toMatchObject({ logged: 1 });
  });
});
