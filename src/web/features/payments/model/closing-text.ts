import { addMonths } from '#shared/domain/clinic-month.ts';
import type { PaymentAction, PaymentStatus } from '#shared/schemas/payments.ts';
import { PIX_E2E_ID_PATTERN } from '#shared/domain/pix.ts';

/**
 * Words of the admin's "Fechamentos" screens. The payment states and the timeline are in
 * payment-text.ts and payment-timeline.ts, shared with the doctor's "Meus pagamentos".
 */

/** What the admin should know, or do, about a payment in each state (under the badge on its page). */
export const ADMIN_STATUS_HINT: Readonly<Record<PaymentStatus, string>> = {
  pending: 'Falta pagar. Faça o PIX pelo app do banco com o código desta página e depois confirme aqui.',
  paid: 'Você confirmou o pagamento. Agora falta o médico confirmar que recebeu.',
  received: 'O médico confirmou que recebeu. Este pagamento está concluído.',
  disputed: 'O médico disse que não recebeu. Confira no banco e confirme de novo com os dados certos, ou cancele o pagamento.',
  cancelled: 'Pagamento cancelado. As consultas dele voltaram a ficar em aberto e entram no próximo fechamento do mês.',
};

/** What each kind of event is called in the history's filter. */
export const PAYMENT_ACTION_LABELS: Readonly<Record<PaymentAction, string>> = {
  created: 'Pagamento criado no fechamento',
  paid: 'Pagamento confirmado',
  received: 'Recebimento confirmado',
  disputed: 'Médico não recebeu',
  cancelled: 'Pagamento cancelado',
  pix_key_refreshed: 'Chave PIX atualizada',
};

export const PAYMENT_ACTION_OPTIONS = Object.keys(PAYMENT_ACTION_LABELS) as PaymentAction[];

/** Every payment state, in the order of the two steps (the status filter). */
export const PAYMENT_STATUS_OPTIONS = Object.keys(ADMIN_STATUS_HINT) as PaymentStatus[];

/** "1º fechamento" for the month's first closing, "2º fechamento (complementar)" after it. */
export function closingSeqText(seq: number): string {
  return seq <= 1 ? '1º fechamento' : `${seq}º fechamento (complementar)`;
}

/** "1 pagamento" / "3 pagamentos". */
export function paymentsCountText(count: number): string {
  return count === 1 ? '1 pagamento' : `${count} pagamentos`;
}

/** "1 médico" / "3 médicos". */
export function doctorsCountText(count: number): string {
  return count === 1 ? '1 médico' : `${count} médicos`;
}

/** "1 consulta ainda está Em análise" / "3 consultas ainda estão Em análise". */
export function underReviewWaitingText(count: number): string {
  return count === 1 ? '1 consulta deste mês ainda está “Em análise”.' : `${count} consultas deste mês ainda estão “Em análise”.`;
}

/** Why an end-to-end id is refused, or null when it is fine (empty is fine: it is optional). Mirrors the server's rule. */
export function endToEndIdError(input: string): string | null {
  const v = input.trim().toUpperCase();
  if (!v) return null;
  return PIX_E2E_ID_PATTERN.test(v) ? null : 'O identificador começa com E e tem 32 letras e números, como aparece no comprovante do PIX.';
}

/** How far back the closing screens' month choices go (as the billing pages'). */
export const CLOSING_MONTHS_TO_PICK = 24;

/** The `count` months ending at `last`, newest first. */
export function recentMonths(last: string, count = CLOSING_MONTHS_TO_PICK): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, -i));
}

/**
 * The month a closing page's `?mes=` asks for, when it is one on offer; otherwise last month, the
 * one an admin usually comes to close (the current month can't be closed until it ends).
 */
export function pickedClosingMonth(asked: string | null, thisMonth: string): string {
  return asked && recentMonths(thisMonth).includes(asked) ? asked : addMonths(thisMonth, -1);
}
