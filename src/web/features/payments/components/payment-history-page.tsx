import { ScrollText } from 'lucide-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { PaymentAction } from '#shared/schemas/payments.ts';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { usePaymentEvents } from '#web/features/payments/api/get-payment-events.ts';
import { usePayments } from '#web/features/payments/api/get-payments.ts';
import { PAYMENT_ACTION_LABELS, PAYMENT_ACTION_OPTIONS, recentMonths } from '#web/features/payments/model/closing-text.ts';
import { paymentMonthLabel } from '#web/features/payments/model/payment-text.ts';
import { paymentEventText } from '#web/features/payments/model/payment-timeline.ts';
import './closing.css';

/** /admin/fechamentos/historico: every step of every payment, newest first, filtered by step, doctor and month. */
export function PaymentHistoryPage() {
  const [params, setParams] = useSearchParams();
  const thisMonth = clinicMonthOf(new Date());
  const months = useMemo(() => recentMonths(thisMonth), [thisMonth]);
  const actionParam = params.get('acao') ?? '';
  const action = (PAYMENT_ACTION_OPTIONS as string[]).includes(actionParam) ? (actionParam as PaymentAction) : undefined;
  const monthParam = params.get('mes') ?? '';
  const month = months.includes(monthParam) ? monthParam : undefined;
  const doctorId = params.get('medico') || undefined;

  // The doctors who have ever had a payment: the ones the history can be about.
  const payments = usePayments({});
  const doctors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of payments.data?.items ?? []) byId.set(p.doctor.id, p.doctor.name);
    return [...byId].map(([id, name]) => ({ value: id, label: name })).sort((a, b) => a.label.localeCompare(b.label, 'pt-BR'));
  }, [payments.data]);

  const query = usePaymentEvents({ action, doctorId, month });
  const { items, loadMore } = usePagedList(query);

  const update = (key: 'acao' | 'medico' | 'mes', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Histórico de pagamentos"
        description="Tudo o que aconteceu com os pagamentos dos médicos: fechamentos, pagamentos, recebimentos, avisos de “não recebi”, cancelamentos e chaves PIX atualizadas."
        back={{ to: '/admin/fechamentos', label: 'Fechamentos' }}
      />
      <Card as="section" flush aria-labelledby="history-title">
        <div className="closing-card-head">
          <div className="card-header">
            <div>
              <h2 id="history-title">Passos</h2>
              <p>Do mais recente para o mais antigo. Horários de Brasília.</p>
            </div>
          </div>
        </div>
        <div className="closing-filters closing-filters-3">
          <SelectField
            label="O que aconteceu"
            value={action ?? ''}
            onChange={(e) => update('acao', e.target.value)}
            placeholder="Tudo"
            options={PAYMENT_ACTION_OPTIONS.map((a) => ({ value: a, label: PAYMENT_ACTION_LABELS[a] }))}
          />
          <SelectField
            label="Médico"
            value={doctorId ?? ''}
            onChange={(e) => update('medico', e.target.value)}
            placeholder="Todos os médicos"
            options={doctors}
          />
          <SelectField
            label="Mês do pagamento"
            value={month ?? ''}
            onChange={(e) => update('mes', e.target.value)}
            placeholder="Todos os meses"
            options={months.map((m) => ({ value: m, label: paymentMonthLabel(m) }))}
          />
        </div>
        <p className="sr-only" role="status">
          {query.isSuccess
            ? `${items.length === 1 ? '1 passo' : `${items.length} passos`} na lista${loadMore.hasMore ? ', e há mais para carregar' : ''}.`
            : ''}
        </p>
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState
            level={3}
            icon={<ScrollText />}
            title="Nada encontrado"
            description={action || doctorId || month ? 'Nenhum passo corresponde a esses filtros.' : 'Os passos aparecem aqui depois do primeiro fechamento.'}
          />
        ) : (
          <>
            <ol className="closing-history">
              {items.map((e) => {
                const text = paymentEventText(e, { viewer: 'admin', doctor: e.doctor });
                return (
                  <li key={e.id}>
                    <div className="closing-history-meta">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                      <Link to={`/admin/fechamentos/pagamentos/${e.paymentId}`}>
                        {e.doctor.name} · {paymentMonthLabel(e.month)}
                      </Link>
                    </div>
                    <p className="closing-timeline-sentence">{text.sentence}</p>
                    {text.detail ? <p className="closing-timeline-detail">{text.detail}</p> : null}
                  </li>
                );
              })}
            </ol>
            <LoadMore {...loadMore} label="Carregar mais" />
          </>
        )}
      </Card>
    </>
  );
}
