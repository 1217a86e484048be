/** The clinic's time zone: months, days and closings are counted here, whatever the server's zone. */
export const CLINIC_TIME_ZONE = 'America/Sao_Paulo';

const monthParts = new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_TIME_ZONE, year: 'numeric', month: '2-digit' });

/** The calendar month (`YYYY-MM`) an instant falls in, in São Paulo. */
export function clinicMonthOf(instant: string | Date): string {
  const parts = monthParts.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  if (!year || !month) throw new RangeError(`not a date: ${String(instant)}`);
  return `${year}-${month}`;
}
