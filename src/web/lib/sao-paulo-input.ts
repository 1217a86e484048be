/**
 * A `datetime-local` value ("2026-12-05T14:30") read as São Paulo time, as an ISO instant with
 * offset. Brazil has had no daylight saving time since 2019, so the offset is always -03:00.
 */
export function saoPauloLocalToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  return `${value}:00-03:00`;
}

/** Now in São Paulo as a `datetime-local` value, for the input's `min`. */
export function saoPauloNowLocal(now: Date = new Date()): string {
  return new Date(now.getTime() - 3 * 3_600_000).toISOString().slice(0, 16);
}
