import type { RoomClosedReason } from '#shared/realtime/events.ts';

/** The title of the "consultation over" screen, by why the room closed. */
export function closedTitle(reason: RoomClosedReason | null | undefined, cancelledRoom: boolean): string {
  if (reason === 'reset') return 'A clínica encerrou esta consulta.';
  if (cancelledRoom || reason === 'cancelled') return 'Esta sala foi cancelada.';
  return 'A consulta foi encerrada.';
}

/** What the person can do next after the clinic closed every call (a database reset). */
export const RESET_CLOSED_TEXT = 'A administração da clínica encerrou todas as consultas em andamento. Se precisar, entre de novo e fale com a clínica.';
