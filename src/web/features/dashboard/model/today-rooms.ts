import type { Room } from '#shared/schemas/rooms.ts';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const SAO_PAULO_DAY = lazyIntl(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }));

/** The São Paulo calendar day of an instant, as YYYY-MM-DD. */
function dayOf(at: Date): string {
  return SAO_PAULO_DAY.format(at);
}

/**
 * The open rooms that belong to the doctor's day: booked for today, booked for an earlier day
 * and still open, or with no time booked (ready whenever the patient comes). A patient waiting
 * comes first, then by booked time, then the oldest room. `later` counts rooms booked for
 * another day, which the home only mentions.
 */
export function todayRooms(rooms: readonly Room[], now: Date = new Date()): { today: Room[]; later: number } {
  const today = dayOf(now);
  const open = rooms.filter((r) => r.status === 'open');
  const forToday = open.filter((r) => r.scheduledAt === null || dayOf(new Date(r.scheduledAt)) <= today);
  const order = (r: Room) => r.scheduledAt ?? r.createdAt;
  forToday.sort(
    (a, b) =>
      Number(b.patientOnline) - Number(a.patientOnline) || Number(a.scheduledAt === null) - Number(b.scheduledAt === null) || order(a).localeCompare(order(b)),
  );
  return { today: forToday, later: open.length - forToday.length };
}
