import { formatBRL } from '#shared/domain/money.ts';
import type { PaymentDetail } from '#shared/schemas/payments.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatCalendarDate, formatDateTime } from '#web/lib/format-date.ts';
import { useMyPayment } from '#web/features/payments/api/get-my-payments.ts';
import { DOCTOR_STATUS_HINT, paymentMonthLabel, paymentStatusText, paymentTitle } from '#web/features/payments/model/payment-text.ts';
import { pixKeyText } from '#web/features/payments/model/payment-timeline.ts';
import { MyPaymentActions } from './my-payments-actions';
import { MyPaymentsNoPix } from './my-payments-no-pix';
import { MyPaymentsTimeline } from './my-payments-timeline';

const BACK = { to: '/medico/pagamentos', label: 'Meus pagamentos' };

/** /medico/pagamentos/:id: one payment's figures, where it was paid, its history and the doctor's answer. */
export function MyPaymentsDetail({ id }: { id: string }) {
  const payment = useMyPayment(id);
  if (payment.isPending) {
    return (
      <>
        <PageHeader title="Pagamento" back={BACK} />
        <LoadingState />
      </>
    );
  }
  if (payment.isError) {
    return (
      <>
        <PageHeader title="Pagamento" back={BACK} />
        <Card>
          <ErrorState message={messageOf(payment.error)} onRetry={() => void payment.refetch()} retrying={payment.isFetching} />
        </Card>
      </>
    );
  }
  return <PaymentView payment={payment.data} />;
}

function PaymentView({ payment: p }: { payment: PaymentDetail }) {
  const status = paymentStatusText(p.status, 'doctor');
  const key = pixKeyText(p.pixKey);
  return (
    <>
      <PageHeader title={paymentTitle(p)} back={BACK} description={`${paymentMonthLabel(p.month)}. Valores fechados pela clínica e pagos por PIX.`} />
      <div className="my-payments-layout">
        <MyPaymentsNoPix payments={[p]} />
        <Card as="section" className="my-payments-status" data-status={p.status} aria-labelledby="my-payment-status-title">
          <div className="my-payments-item-head">
            <h2 id="my-payment-status-title">Situação</h2>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          <p className="my-payments-hint">{DOCTOR_STATUS_HINT[p.status]}</p>
          {p.status === 'disputed' && p.disputeMessage ? <p className="my-payments-quote">Você escreveu: “{p.disputeMessage}”</p> : null}
          {p.status === 'cancelled' && p.cancelReason ? <p className="my-payments-quote">Motivo da clínica: {p.cancelReason}</p> : null}
          <MyPaymentActions payment={p} />
        </Card>
        <div className="my-payments-columns">
          <Card as="section" aria-labelledby="my-payment-figures-title">
            <CardHeader id="my-payment-figures-title" title="Valores" />
            <dl className="my-payments-facts">
              <div>
                <dt>Consultas</dt>
                <dd>{p.consultations}</dd>
              </div>
              <div>
                <dt>Valor das consultas</dt>
                <dd>{formatBRL(p.grossCents)}</dd>
              </div>
              <div>
                <dt>Comissão da clínica</dt>
                <dd>{formatBRL(p.clinicCents)}</dd>
              </div>
              <div className="my-payments-facts-total">
                <dt>Você recebe</dt>
                <dd>{formatBRL(p.netCents)}</dd>
              </div>
            </dl>
          </Card>
          <Card as="section" aria-labelledby="my-payment-pix-title">
            <CardHeader id="my-payment-pix-title" title="Pagamento por PIX" />
            <dl className="my-payments-facts">
              <div>
                <dt>Chave PIX</dt>
                <dd>{key ?? 'Sem chave PIX'}</dd>
              </div>
              <div>
                <dt>Pago em</dt>
                <dd>{p.paidOn ? formatCalendarDate(p.paidOn) : 'Ainda não pago'}</dd>
              </div>
              {p.pixEndToEndId ? (
                <div>
                  <dt>Identificador do PIX (E2E)</dt>
                  <dd className="my-payments-e2e">{p.pixEndToEndId}</dd>
                </div>
              ) : null}
              {p.paidNote ? (
                <div>
                  <dt>Observação da clínica</dt>
                  <dd>{p.paidNote}</dd>
                </div>
              ) : null}
              {p.receivedAt ? (
                <div>
                  <dt>Você confirmou em</dt>
                  <dd>{formatDateTime(p.receivedAt)}</dd>
                </div>
              ) : null}
            </dl>
          </Card>
        </div>
        <MyPaymentsTimeline payment={p} />
      </div>
    </>
  );
}
