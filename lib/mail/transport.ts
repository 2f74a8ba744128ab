import "server-only";
import nodemailer from "nodemailer";

/** One outgoing message as the transport sees it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where mail goes: an SMTP server (SMTP_URL, e.g. smtp://user:pass@smtp.example.no:587) or, without
 * one, the log. The log transport never fails: nothing is lost, the outbox at /admin/utboks keeps the text.
 */
export interface MailTransport {
  kind: "smtp" | "log";
  send(message: MailMessage): Promise<void>;
}

export const DEFAULT_MAIL_FROM = "Samarbeidsregisteret <ikke-svar@samarbeidsregisteret.no>";

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

export function smtpTransport(url: string, from = mailFrom()): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send({ to, subject, text }) {
      await transporter.sendMail({ from, to, subject, text });
    },
  };
}

export const logTransport: MailTransport = {
  kind: "log",
  async send({ to, subject }) {
    console.info(`[utboks] E-post til ${to}: «${subject}» (ingen SMTP_URL; teksten står i /admin/utboks)`);
  },
};

/** The transport the environment configures, read on every use so tests and operators can change it. */
export function configuredTransport(): MailTransport {
  const url = process.env.SMTP_URL?.trim();
  return url ? smtpTransport(url) : logTransport;
}
