import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { InviteLink } from '../../../shared/schemas/auth';
import type { Config } from '../../config';

export type InviteMailer = (to: { email: string; name: string }, invite: InviteLink) => void;

/** One transport per SMTP URL; nodemailer loads with the first e-mail (~12 MB a server without SMTP never needs). */
const transports = new Map<string, Promise<Transporter>>();

/**
 * Emails invite links when SMTP_URL is set. Sending happens after the account is saved and never
 * blocks or fails the request: the link is always also shown on screen to copy or send by WhatsApp.
 */
export function inviteMailer(config: Config, log: FastifyBaseLogger): InviteMailer | undefined {
  const smtp = config.smtp;
  if (!smtp) return undefined;
  const transport = () => {
    let t = transports.get(smtp.url);
    if (!t) {
      t = import('nodemailer').then((m) => m.default.createTransport(smtp.url));
      transports.set(smtp.url, t);
    }
    return t;
  };
  return (to, invite) => {
    const until = new Date(invite.expiresAt).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
    transport().then((t) => t.sendMail({
      from: smtp.from,
      to: { name: to.name, address: to.email },
      subject: 'Seu acesso ao MedConnect',
      text: `Olá, ${to.name}!\n\nVocê foi cadastrado(a) no MedConnect. Para criar sua senha e entrar, abra o link abaixo (válido até ${until}):\n\n${invite.url}\n\nSe você não esperava este e-mail, pode ignorá-lo.`,
    })).catch((err: unknown) => log.warn({ err, to: to.email }, 'invite email failed; the link is still shown on screen'));
  };
}
