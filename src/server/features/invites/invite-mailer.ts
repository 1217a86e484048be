import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '#server/config.ts';
import type { InviteMailer } from '#server/core/actor.ts';
import { sendInBackground, smtpSender } from '#server/lib/mail.ts';

/**
 * Emails invite links when SMTP_URL is set. Sending happens after the account is saved and never
 * blocks or fails the request: the link is always also shown on screen to copy or send by WhatsApp.
 */
export function inviteMailer(config: Config, log: FastifyBaseLogger): InviteMailer | undefined {
  const send = smtpSender(config.smtp);
  if (!send) return undefined;
  return (to, invite) => {
    const until = new Date(invite.expiresAt).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
    sendInBackground(
      send,
      {
        to,
        subject: 'Seu acesso ao MedConnect',
        text: `Olá, ${to.name}!\n\nVocê foi cadastrado(a) no MedConnect. Para criar sua senha e entrar, abra o link abaixo (válido até ${until}):\n\n${invite.url}\n\nSe você não esperava este e-mail, pode ignorá-lo.`,
      },
      log,
      'invite; the link is still shown on screen',
    );
  };
}
