import type { BadgeTone } from '#web/components/ui/badge.tsx';
import type { PaymentStatus } from '#shared/schemas/payments.ts';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

/**
 * Words for payments, shared by the doctor's "Meus pagamentos" and the admin's "Fechamentos":
 * one place says what each state means to whoever reads it.
 */
export type PaymentViewer = 'doctor' | 'admin';

interface StatusText {
  label: string;
  tone: BadgeTone;
}

const DOCTOR: Readonly<Record<PaymentStatus, StatusText>> = {
  pending: { label: 'Aguardando pagamento', tone: 'info' },
  paid: { label: 'Pago — confirme o recebimento', tone: 'warning' },
  received: { label: 'Recebido', tone: 'success' },
  disputed: { label: 'Você avisou que não recebeu', tone: 'danger' },
  cancelled: { label: 'Cancelado', tone: 'neutral' },
};

const ADMIN: Readonly<Record<PaymentStatus, StatusText>> = {
  pending: { label: 'A pagar', tone: 'warning' },
  paid: { label: 'Pago — aguardando o médico', tone: 'info' },
  received: { label: 'Recebido pelo médico', tone: 'success' },
  disputed: { label: 'Médico não recebeu', tone: 'danger' },
  cancelled: { label: 'Cancelado', tone: 'neutral' },
};

/** The badge of a payment's state, in the words of the person looking at it. */
export function paymentStatusText(status: PaymentStatus, viewer: PaymentViewer): StatusText {
  return (viewer === 'doctor' ? DOCTOR : ADMIN)[status];
}

/** One sentence for the doctor under the badge: what the state means and what to do next. */
export const DOCTOR_STATUS_HINT: Readonly<Record<PaymentStatus, string>> = {
  pending: 'A clínica fechou o mês e vai pagar por PIX.',
  paid: 'A clínica diz que pagou. Veja no seu banco e confirme o recebimento, ou avise se não chegou.',
  received: 'Você confirmou que o dinheiro chegou.',
  disputed: 'A clínica vai conferir e pagar de novo ou explicar o que houve.',
  cancelled: 'Este pagamento foi cancelado; as consultas entram no próximo fechamento.',
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_ONLY = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'long' }));
const MONTH_YEAR = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', month: 'long', year: 'numeric' }));

function monthDate(month: string): Date | null {
  const m = MONTH.exec(month);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/** "2026-11" → "novembro" (inside a sentence); a malformed month stays as it is. */
export function paymentMonthName(month: string): string {
  const d = monthDate(month);
  return d ? MONTH_ONLY.format(d) : month;
}

/** "2026-11" → "Novembro de 2026" (a heading). */
export function paymentMonthLabel(month: string): string {
  const d = monthDate(month);
  if (!d) return month;
  const s = MONTH_YEAR.format(d);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Pagamento de novembro" — a supplementary closing (seq 2+) says so: "Pagamento complementar de novembro". */
export function paymentTitle(p: { month: string; closingSeq: number }): string {
  return `${p.closingSeq > 1 ? 'Pagamento complementar' : 'Pagamento'} de ${paymentMonthName(p.month)}`;
}
