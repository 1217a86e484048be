import { whatsAppNumber } from './format-phone';

/** A wa.me link that opens WhatsApp with the message typed in (to that phone when known). */
export function whatsAppUrl(message: string, phone?: string | null): string {
  const number = whatsAppNumber(phone);
  return `https://wa.me/${number ?? ''}?text=${encodeURIComponent(message)}`;
}
