import clsx from 'clsx';
import { ReceiptText } from 'lucide-react';
import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSort, BillingStatus } from '#shared/schemas/billing.ts';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { useOwnBillingRecords } from '#web/features/billing/api/get-own-billing.ts';
import type { OwnBillingFilters } from '#web/features/billing/api/get-own-billing.ts';
import { BILLING_KIND_LABELS, BILLING_STATUSES, BILLING_STATUS_LABELS, consultationsText, monthName } from '#web/features/billing/model/billing-text.ts';
import { BILLING_SORTS, BILLING_SORT_LABELS, BILLING_SORT_SENTENCES } from '#web/features/billing/model/billing-report-text.ts';
import { BillingExportLinks } from './billing-export-links';
import { BillingStatusBadge } from './billing-status-badge';

interface Props {
  filters: OwnBillingFilters;
  onStatusChange: (status: BillingStatus | undefined) => void;
}

/** The doctor's own consultations of the month: patient, date, kind, price, their share, status. */
export function EarningsRecords({ filters, onStatusChange }: Props) {
  const [sort, setSort] = useState<BillingSort>('newest');
  const listed = { ...filters, sort };
  const query = useOwnBillingRecords(listed);
  const { items, loadMore } = usePagedList(query);

  return (
    <Card as="section" flush aria-labelledby="earnings-records-title">
      <div className="billing-card-head">
        <div className="card-header">
          <div>
            <h2 id="earnings-records-title">Minhas consultas de {monthName(filters.month)}</h2>
            <p>{BILLING_SORT_SENTENCES[sort]} Horários de Brasília.</p>
          </div>
        </div>
      </div>
      <div className="billing-filters earnings-filters">
        <SelectField
          label="Situação"
          value={filters.status ?? ''}
          onChange={(e) => onStatusChange((e.target.value || undefined) as BillingStatus | undefined)}
          placeholder="Todas"
          options={BILLING_STATUSES.map((s) => ({ value: s, label: BILLING_STATUS_LABELS[s] }))}
        />
        <SelectField
          label="Ordem"
          value={sort}
          onChange={(e) => setSort(e.target.value as BillingSort)}
          options={BILLING_SORTS.map((s) => ({ value: s, label: BILLING_SORT_LABELS[s] }))}
        />
      </div>
      <BillingExportLinks basePath="/api/me/billing" filters={listed} />
      <p className="sr-only" role="status">
        {query.isSuccess ? `${consultationsText(items.length)} na lista${loadMore.hasMore ? ', e há mais para carregar' : ''}.` : ''}
      </p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : items.length === 0 ? (
        <EmptyState
          level={3}
          icon={<ReceiptText />}
          title="Nenhuma consulta encontrada"
          description={filters.status ? 'Nenhuma consulta deste mês está nessa situação.' : 'Cada consulta que você finalizar neste mês aparece aqui.'}
        />
      ) : (
        <>
          <table className="billing-table billing-records">
            <caption className="sr-only">Minhas consultas de {monthName(filters.month)}, da mais recente para a mais antiga</caption>
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                <th scope="col">Paciente</th>
                <th scope="col">Tipo</th>
                <th scope="col" className="num">
                  Valor
                </th>
                <th scope="col" className="num">
                  Você recebe
                </th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={clsx(r.status === 'voided' && 'is-voided', r.status === 'rejected' && 'is-rejected')}>
                  <td data-label="Data e hora" className="tabular">
                    {formatDateTime(r.finishedAt)}
                  </td>
                  <td data-label="Paciente" className="billing-person">
                    {r.patient.name}
                  </td>
                  <td data-label="Tipo">{BILLING_KIND_LABELS[r.kind]}</td>
                  <td data-label="Valor" className="num billing-money">
                    {formatBRL(r.priceCents)}
                  </td>
                  <td data-label="Você recebe" className="num billing-money billing-strong">
                    {formatBRL(r.doctorCents)}
                  </td>
                  <td data-label="Situação">
                    <div className="billing-status">
                      <BillingStatusBadge status={r.status} />
                      {r.note ? <span className="billing-note">{r.note}</span> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...loadMore} label="Carregar mais consultas" />
        </>
      )}
    </Card>
  );
}
