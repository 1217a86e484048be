import type { BillingKind, BillingSort } from '#shared/schemas/billing.ts';
import { BILLING_KIND_LABELS, monthLabel, monthName } from './billing-text';

/** The orders of the billing list, as the "Ordem" picker names them. */
export const BILLING_SORT_LABELS: Readonly<Record<BillingSort, string>> = {
  newest: 'Mais recentes primeiro',
  oldest: 'Mais antigas primeiro',
  price_desc: 'Maior valor primeiro',
  price_asc: 'Menor valor primeiro',
};

export const BILLING_SORTS = Object.keys(BILLING_SORT_LABELS) as BillingSort[];

export const BILLING_KINDS = Object.keys(BILLING_KIND_LABELS) as BillingKind[];

/** The order in a sentence, under the list's title. */
export const BILLING_SORT_SENTENCES: Readonly<Record<BillingSort, string>> = {
  newest: 'Da mais recente para a mais antiga.',
  oldest: 'Da mais antiga para a mais recente.',
  price_desc: 'Do maior valor para o menor.',
  price_asc: 'Do menor valor para o maior.',
};

const year = (month: string) => month.slice(0, 4);

/**
 * A period of months inside a sentence: "novembro" (one month, as before), "setembro a novembro
 * de 2026", "dezembro de 2025 a fevereiro de 2026".
 */
export function periodName(from: string, to: string): string {
  if (from === to) return monthName(from);
  if (year(from) === year(to)) return `${monthName(from)} a ${monthLabel(to).toLowerCase()}`;
  return `${monthLabel(from).toLowerCase()} a ${monthLabel(to).toLowerCase()}`;
}
