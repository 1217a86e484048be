import { lazyIntl } from './lazy-intl';

/** The clinic's time zone: months, days and closings are counted here, whatever the server's zone. */
export const CLINIC_TIME_ZONE = 'America/Sao_Paulo';

const monthParts = lazyIntl(() => new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_TIME_ZONE, year: 'numeric', month: '2-digit' }));

/** The calendar month (`YYYY-MM`) an instant falls in, in São Paulo. */
export function clinicMonthOf(instant: string | Date): string {
  const parts = monthParts.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  if (!year || !month) throw new RangeError(`not a date: ${String(instant)}`);
  return `${year}-${month}`;
}

const dayFormat = lazyIntl(() => new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** The calendar day (`YYYY-MM-DD`) an instant falls on, in São Paulo. */
export function clinicDateOf(instant: Date): string {
  return dayFormat.format(instant);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` moved by `delta` months (negative: back), across years; throws on a malformed month. */
export function addMonths(month: string, delta: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
