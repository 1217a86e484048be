import { firstNameOf } from '#shared/domain/person-name.ts';
import { formatDate } from '#web/lib/format-date.ts';

/** The WhatsApp text sent with an invite, in the clinic's friendly voice. */
export function inviteMessage(name: string, url: string, expiresAt: string): string {
  // Without a title: a doctor invited as "Dra. Helena Duarte" reads "Olá, Helena!".
  const first = firstNameOf(name);
  const greeting = first ? `Olá, ${first}!` : 'Olá!';
  return `${greeting} Seu acesso ao MedConnect está pronto. Para criar sua senha, abra este link (válido até ${formatDate(expiresAt)}): ${url}`;
}
