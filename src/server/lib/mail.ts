import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';

/** One transport per SMTP URL; nodemailer loads with the first e-mail (~12 MB a server without SMTP never needs). */
const transports = new Map<string, Promise<Transporter>>();

/** SMTP_URL and SMTP_FROM, when the clinic configured e-mail. */
export type SmtpSettings = { url: string; from: string };

export type MailMessage = { to: { email: string; name: string }; subject: string; text: string };

/** Sends through SMTP_URL; undefined when no SMTP is configured. Returns the promise so callers may wait. */
export function smtpSender(smtp: SmtpSettings | undefined): ((message: MailMessage) => Promise<void>) | undefined {
  if (!smtp) return undefined;
  return async (message) => {
    let t = transports.get(smtp.url);
    if (!t) {
      t = import('nodemailer').then((m) => m.default.createTransport(smtp.url));
      transports.set(smtp.url, t);
    }
    await (await t).sendMail({ from: smtp.from, to: { name: message.to.name, address: message.to.email }, subject: message.subject, text: message.text });
  };
}

/** Sends without blocking or failing the request: a failure is logged, never shown as a 500. */
export function sendInBackground(send: (message: MailMessage) => Promise<void>, message: MailMessage, log: FastifyBaseLogger, what: string): void {
  send(message).catch((err: unknown) => log.warn({ err, to: message.to.email }, `${what} email failed`));
}
