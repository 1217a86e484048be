import type { BadgeTone } from '../../../components/ui/badge';

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

/**
 * The payout state of a doctor's month. Monthly closing does not exist yet, so every month is
 * open; this is the one place that will answer "closed" or "paid" from the clinic's closings
 * once they do (the pages only show what it returns).
 */
export function payoutStateOf(month: string): PayoutState {
  void month;
  return 'open';
}
