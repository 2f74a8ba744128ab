import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for e2e journeys (npm smtp-server on loopback), capturing every message. The
 * app gets SMTP_URL pointing here (playwright.config.ts); the port follows E2E_PORT so helpers
 * running e2e side by side do not collide. Mails are retried by the outbox, so a listener that
 * starts after the app is fine.
 */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1100);
export const SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, encoding: string, data: string) => {
    if (encoding.toLowerCase() === "b") return Buffer.from(data, "base64").toString("utf8");
    return decodeQuotedPrintable(data.replace(/_/g, " "));
  });
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === "=" ? text.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function parse(raw: string, envelopeTo: string[], envelopeFrom: string): CapturedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(body) : body;
  return { from: envelopeFrom, to: envelopeTo, subject: decodeHeader(header("Subject")), text: text.replace(/\r\n/g, "\n") };
}

export async function startSmtpCapture(port = SMTP_PORT) {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push(
          parse(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
            from,
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    mails,
    /** The first captured mail matching `predicate`, waiting up to `timeoutMs` for it. */
    async waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs = 60_000): Promise<CapturedMail> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error(`Ingen e-post kom fram i tide. Mottatt: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to this site's path `prefix` in a mail's text, as a path (the test's baseURL is used to open it). */
export function linkIn(mail: CapturedMail, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix.replace(/[/]/g, "\\/")}[^\\s]*)`).exec(mail.text);
  if (!match) throw new Error(`Fant ingen lenke til ${prefix} i e-posten «${mail.subject}»:\n${mail.text}`);
  return match[1]!;
}
