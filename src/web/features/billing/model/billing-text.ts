import { addMonths as shiftMonth } from '#shared/domain/clinic-month.ts';
import type { BillingRecord, BillingStatus } from '#shared/schemas/billing.ts';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

/** What each status is called on screen. */
export const BILLING_STATUS_LABELS: Readonly<Record<BillingStatus, string>> = {
  billed: 'Faturada',
  under_review: 'Em análise',
  rejected: 'Recusada',
  voided: 'Anulada',
};

export const BILLING_STATUSES = Object.keys(BILLING_STATUS_LABELS) as BillingStatus[];

/** How the consultation was held. */
export const BILLING_KIND_LABELS: Readonly<Record<BillingRecord['kind'], string>> = {
  video: 'Vídeo',
  in_person: 'Presencial',
  phone: 'Telefone',
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthDate(month: string): Date | null {
  const m = MONTH.exec(month);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

const LONG = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'long', year: 'numeric' }));
const MONTH_ONLY = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'long' }));
const SHORT = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'short' }));

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "2026-11" → "Novembro de 2026". */
export function monthLabel(month: string): string {
  const d = monthDate(month);
  return d ? capitalize(LONG.format(d)) : month;
}

/** "2026-11" → "novembro" (inside a sentence). */
export function monthName(month: string): string {
  const d = monthDate(month);
  return d ? MONTH_ONLY.format(d) : month;
}

/** "2026-11" → "nov" (chart axis). */
export function monthShort(month: string): string {
  const d = monthDate(month);
  return d ? SHORT.format(d).replace('.', '') : month;
}

/** The month `by` months after `month` (negative: before); a malformed month stays as it is. */
export function addMonths(month: string, by: number): string {
  return MONTH.test(month) ? shiftMonth(month, by) : month;
}

/** The `count` months ending at `last`, newest first (the month picker). */
export function recentMonths(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, -i));
}

/** How far back the billing pages' month pickers go. */
export const MONTHS_TO_PICK = 24;

/** The month a page's `?mes=` asks for when the picker offers it; else the current one. */
export function pickedMonth(asked: string | null, thisMonth: string): string {
  return asked && recentMonths(thisMonth, MONTHS_TO_PICK).includes(asked) ? asked : thisMonth;
}

/** "3 consultas curtas esperam sua decisão." */
export function underReviewText(count: number): string {
  return count === 1 ? '1 consulta curta espera sua decisão.' : `${count} consultas curtas esperam sua decisão.`;
}

/** "2 consultas" / "1 consulta". */
export function consultationsText(count: number): string {
  return count === 1 ? '1 consulta' : `${new Intl.NumberFormat('pt-BR').format(count)} consultas`;
}
