import { formatDate } from '../../lib/format-date';

/** The WhatsApp text sent with an invite, in the clinic's friendly voice. */
export function inviteMessage(name: string, url: string, expiresAt: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  const greeting = first ? `Olá, ${first}!` : 'Olá!';
  return `${greeting} Seu acesso ao MedConnect está pronto. Para criar sua senha, abra este link (válido até ${formatDate(expiresAt)}): ${url}`;
}
