import { ArrowRight, Banknote } from 'lucide-react';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import { Card } from '#web/components/ui/card.tsx';
import { formatCalendarDate } from '#web/lib/format-date.ts';
import { useMyPayments } from '#web/features/payments/api/get-my-payments.ts';
import { paymentTitle } from '#web/features/payments/model/payment-text.ts';
import { MyPaymentActions } from './my-payments-actions';
import { MyPaymentsNoPix } from './my-payments-no-pix';
import './my-payments.css';

/**
 * The top of the doctor's home: a payment the clinic marked as paid waits for the doctor's answer
 * ("Pagamento de outubro: R$ 3.300,00 — Confirmar recebimento"), and a closed payment that can't
 * be paid for lack of a PIX key says so. Nothing when there is nothing to do.
 */
export function MyPaymentsPrompt() {
  const payments = useMyPayments();
  if (!payments.data) return null;
  const toConfirm = payments.data.filter((p) => p.status === 'paid');
  return (
    <>
      <MyPaymentsNoPix payments={payments.data} />
      {toConfirm.map((p) => (
        <Card as="section" key={p.id} className="my-payments-prompt" aria-labelledby={`prompt-${p.id}`}>
          <span className="my-payments-prompt-icon" aria-hidden="true">
            <Banknote />
          </span>
          <div className="my-payments-prompt-text">
            <h2 id={`prompt-${p.id}`}>
              {paymentTitle(p)}: {formatBRL(p.netCents)} — Confirmar recebimento
            </h2>
            <p>
              A clínica pagou{p.paidOn ? ` em ${formatCalendarDate(p.paidOn)}` : ''} por PIX. Confira no seu banco e confirme, ou avise se não chegou.{' '}
              <Link to={`/medico/pagamentos/${p.id}`} className="my-payments-link">
                Ver detalhes<span className="sr-only"> do {paymentTitle(p).toLowerCase()}</span>
                <ArrowRight aria-hidden="true" />
              </Link>
            </p>
          </div>
          <MyPaymentActions payment={p} />
        </Card>
      ))}
    </>
  );
}
