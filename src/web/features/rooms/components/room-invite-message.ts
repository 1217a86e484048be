import { formatDate } from '#web/lib/format-date.ts';
import { roomMessage } from './room-message';

/**
 * The one WhatsApp message for a patient who has no password yet: the room link (which carries
 * the invite) and a word that the first visit asks for a password.
 */
export function roomWithInviteMessage(patientName: string, doctorName: string, url: string, scheduledAt: string | null, inviteExpiresAt: string): string {
  return `${roomMessage(patientName, doctorName, url, scheduledAt)} Na primeira vez, o link pede para você criar uma senha (vale até ${formatDate(inviteExpiresAt)}).`;
}
