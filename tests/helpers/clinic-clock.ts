import { addMonths, clinicMonthOf, CLINIC_TIME_ZONE } from '#shared/domain/clinic-month.ts';

const offsetOf = new Intl.DateTimeFormat('en-US', { timeZone: CLINIC_TIME_ZONE, timeZoneName: 'longOffset' });

/** The first instant of a São Paulo month (`YYYY-MM`), read from the zone's offset rather than assumed. */
export function clinicMonthStart(month: string): Date {
  const guess = new Date(`${month}-01T12:00:00.000Z`);
  const offset = offsetOf
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')
    ?.value.replace(/^GMT$/, 'GMT+00:00')
    .slice(3);
  return new Date(`${month}-01T00:00:00.000${offset}`);
}

/**
 * Moments in the last `window` seconds before `now`, kept inside `now`'s São Paulo month: `at(s)` is
 * `s` seconds before `now`, except in a month's first `window` seconds, where that stretch is squeezed
 * into what has passed of the month (same order, none after `now`, none in the month before).
 */
export function recentInClinicMonth(now: Date, window: number): (secondsAgo: number) => Date {
  const end = now.getTime();
  const start = Math.max(end - window * 1000, clinicMonthStart(clinicMonthOf(now)).getTime());
  return (secondsAgo: number) => new Date(start + ((end - start) * (window - secondsAgo)) / window);
}

/**
 * A test that seeds "this month" and then asks the app, which reads its own clock later, must not run
 * across the turn of a São Paulo month: when fewer than `seconds` are left of this one, wait until the
 * next has begun (a minute or two, once a month at most).
 */
export async function clearOfMonthTurn(seconds: number): Promise<void> {
  const now = Date.now();
  const next = clinicMonthStart(addMonths(clinicMonthOf(new Date(now)), 1)).getTime();
  if (next - now < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, next - now + 1000));
}
