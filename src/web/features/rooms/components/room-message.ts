import { firstNameOf } from '#shared/domain/person-name.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';

/** The WhatsApp text sent with a room link, in the clinic's friendly voice. */
export function roomMessage(patientName: string, doctorName: string, url: string, scheduledAt: string | null): string {
  const first = firstNameOf(patientName);
  const greeting = first ? `Olá, ${first}!` : 'Olá!';
  const doctor = doctorTitle(doctorName);
  const when = scheduledAt ? formatDateTime(scheduledAt) : '';
  const intro = when
    ? `Sua consulta por vídeo com ${doctor} está marcada para ${when}. Na hora, abra este link para entrar:`
    : `${doctor} abriu uma consulta por vídeo para você. Para entrar, abra este link:`;
  return `${greeting} ${intro} ${url} — Não precisa instalar nada; use o celular ou o computador com câmera.`;
}
