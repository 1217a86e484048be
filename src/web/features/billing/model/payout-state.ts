import type { PaymentStatus } from '#shared/schemas/payments.ts';
import type { BadgeTone } from '#web/components/ui/badge.tsx';

/** Where a month's money stands for a doctor: still open, closed by the clinic, or paid. */
export type PayoutState = 'open' | 'closed' | 'paid';

interface PayoutStateText {
  label: string;
  /** One sentence for the doctor: what this state means for their money. */
  description: string;
  tone: BadgeTone;
}

export const PAYOUT_STATE_TEXT: Readonly<Record<PayoutState, PayoutStateText>> = {
  open: { label: 'Em aberto', description: 'A clínica ainda não fechou este mês: os valores podem mudar até o fechamento.', tone: 'info' },
  closed: { label: 'Fechado', description: 'A clínica fechou este mês; o pagamento por PIX vem a seguir.', tone: 'warning' },
  paid: { label: 'Pago', description: 'A clínica pagou este mês por PIX.', tone: 'success' },
};

/** What payoutStateOf reads of a payment (the doctor's own, from /api/me/payments). */
export interface MonthPayment {
  month: string;
  status: PaymentStatus;
}

/**
 * The payout state of a doctor's month, from the doctor's payments: open while no payment of the
 * month exists (or only cancelled ones, whose records went back to open); closed while one is
 * waiting to be paid (pending, or paid again after the doctor said it did not arrive); paid once
 * every live payment of the month is paid or received.
 */
export function payoutStateOf(month: string, payments: readonly MonthPayment[]): PayoutState {
  const live = payments.filter((p) => p.month === month && p.status !== 'cancelled');
  if (live.length === 0) return 'open';
  return live.every((p) => p.status === 'paid' || p.status === 'received') ? 'paid' : 'closed';
}
