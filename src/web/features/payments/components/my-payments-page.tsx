import { ArrowRight, Banknote } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatCalendarDate } from '#web/lib/format-date.ts';
import { useMyPayments } from '#web/features/payments/api/get-my-payments.ts';
import { DOCTOR_STATUS_HINT, paymentMonthLabel, paymentStatusText, paymentTitle } from '#web/features/payments/model/payment-text.ts';
import { MyPaymentActions } from './my-payments-actions';
import { MyPaymentsDetail } from './my-payments-detail';
import { MyPaymentsNoPix } from './my-payments-no-pix';
import './my-payments.css';

const consultations = (n: number) => (n === 1 ? '1 consulta' : `${new Intl.NumberFormat('pt-BR').format(n)} consultas`);

/**
 * /medico/pagamentos: what the clinic closed and paid to the doctor, month by month ("Meus
 * pagamentos"); /medico/pagamentos/:id: one of them (one route and one chunk for both).
 */
export function MyPaymentsPage() {
  const { id } = useParams();
  return id ? <MyPaymentsDetail key={id} id={id} /> : <MyPaymentsList />;
}

function MyPaymentsList() {
  const payments = useMyPayments();
  return (
    <>
      <PageHeader title="Meus pagamentos" description="O que a clínica fechou e pagou a você por PIX, mês a mês. Confirme aqui quando o dinheiro chegar." />
      {payments.isPending ? (
        <LoadingState />
      ) : payments.isError ? (
        <Card>
          <ErrorState message={messageOf(payments.error)} onRetry={() => void payments.refetch()} retrying={payments.isFetching} />
        </Card>
      ) : payments.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Banknote />}
            title="Nenhum pagamento ainda"
            description="Quando a clínica fechar um mês com consultas suas, o pagamento aparece aqui. Até lá, acompanhe seus valores em Meus ganhos."
            action={
              <Link to="/medico/ganhos" className="my-payments-link">
                Ver meus ganhos
              </Link>
            }
          />
        </Card>
      ) : (
        <div className="my-payments-layout">
          <MyPaymentsNoPix payments={payments.data} />
          <ul className="my-payments-list" aria-label="Pagamentos, do mais recente ao mais antigo">
            {payments.data.map((p) => (
              <MyPaymentItem key={p.id} payment={p} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function MyPaymentItem({ payment: p }: { payment: Payment }) {
  const status = paymentStatusText(p.status, 'doctor');
  return (
    <Card as="li" className="my-payments-item" data-status={p.status}>
      <div className="my-payments-item-head">
        <div className="my-payments-item-title">
          <h2>{paymentTitle(p)}</h2>
          <p>
            {paymentMonthLabel(p.month)} · {consultations(p.consultations)}
          </p>
        </div>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <div className="my-payments-item-body">
        <p className="my-payments-amount">
          <span>Você recebe</span>
          <strong>{formatBRL(p.netCents)}</strong>
        </p>
        <p className="my-payments-hint">
          {p.paidOn && (p.status === 'paid' || p.status === 'received') ? `Pago em ${formatCalendarDate(p.paidOn)}. ` : ''}
          {p.status === 'pending' && p.pixKey === null ? 'Falta sua chave PIX para a clínica pagar.' : DOCTOR_STATUS_HINT[p.status]}
        </p>
      </div>
      <div className="my-payments-item-foot">
        <MyPaymentActions payment={p} size="sm" />
        <Link to={`/medico/pagamentos/${p.id}`} className="my-payments-link">
          Ver detalhes<span className="sr-only"> do {paymentTitle(p).toLowerCase()}</span>
          <ArrowRight aria-hidden="true" />
        </Link>
      </div>
    </Card>
  );
}
