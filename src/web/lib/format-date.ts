import { clinicDateOf } from '#shared/domain/clinic-month.ts';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const TIME_ZONE = 'America/Sao_Paulo';

const DATE = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }));
const TIME = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));

const DAY_MS = 86_400_000;

/** An instant (ISO string) as dd/mm/aaaa in São Paulo time; "" when unreadable. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : DATE.format(date);
}

/**
 * An instant as "30/11/2026 às 00:44" in São Paulo time: the one way the app writes a moment
 * (Intl's own "30/11/2026, 00:44" reads like a list). "" when unreadable.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${DATE.format(date)} às ${TIME.format(date)}`;
}

/** A calendar date (YYYY-MM-DD, no time zone) as dd/mm/aaaa. */
export function formatCalendarDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : ymd;
}

/** Whole days from now until an instant, at least 0 (rounded, so "7 days" stays 7). */
export function daysUntil(iso: string, now: number = Date.now()): number {
  const ms = new Date(iso).getTime() - now;
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.round(ms / DAY_MS));
}

/** Today's calendar date in São Paulo as YYYY-MM-DD (for `max` on date inputs). */
export function todayYmd(now: Date = new Date()): string {
  return clinicDateOf(now);
}

/** Age in full years for a YYYY-MM-DD birth date, or null. */
export function ageFrom(ymd: string, today: string = todayYmd()): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  let age = Number(t[1]) - Number(b[1]);
  if (`${t[2]}${t[3]}` < `${b[2]}${b[3]}`) age -= 1;
  return age >= 0 ? age : null;
}

/** An instant as "hh:mm" in São Paulo time (chat messages). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : TIME.format(date);
}
