import { formatBRL } from '#shared/domain/money.ts';
import type { PaymentNotice } from '#shared/realtime/events.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import type { PaymentViewer } from './payment-text';
import { paymentMonthName } from './payment-text';

/** A live notice about a payment as a toast: the sentence and how loud it should be. */
export interface PaymentNoticeText {
  message: string;
  tone: 'success' | 'error' | 'info';
}

/**
 * What a toast says when a payment moves. The doctor hears the clinic's steps ("Pagamento de
 * novembro marcado como pago: R$ 3.300,00. Confirme quando receber."); an admin hears the
 * doctor's ("Dr(a). Ana Souza confirmou o recebimento…").
 */
export function paymentNoticeText(n: PaymentNotice, viewer: PaymentViewer): PaymentNoticeText {
  const month = paymentMonthName(n.month);
  const amount = formatBRL(n.netCents);
  if (viewer === 'doctor') {
    switch (n.status) {
      case 'paid':
        return { message: `Pagamento de ${month} marcado como pago: ${amount}. Confirme quando receber.`, tone: 'info' };
      case 'cancelled':
        return { message: `Pagamento de ${month} cancelado pela clínica. As consultas entram no próximo fechamento.`, tone: 'info' };
      default:
        return { message: `Pagamento de ${month} atualizado.`, tone: 'info' };
    }
  }
  const doctor = doctorTitle(n.doctorName);
  switch (n.status) {
    case 'received':
      return { message: `${doctor} confirmou o recebimento do pagamento de ${month} (${amount}).`, tone: 'success' };
    case 'disputed':
      return { message: `${doctor} disse que não recebeu o pagamento de ${month} (${amount}). Confira em Fechamentos.`, tone: 'error' };
    default:
      return { message: `Pagamento de ${month} de ${doctor} atualizado.`, tone: 'info' };
  }
}
