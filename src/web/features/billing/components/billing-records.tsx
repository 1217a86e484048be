import clsx from 'clsx';
import { ReceiptText } from 'lucide-react';
import { useState } from 'react';
import type { RefObject } from 'react';
import { formatBRL, formatBasisPoints } from '#shared/domain/money.ts';
import type { BillingRecord } from '#shared/schemas/billing.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { useDecideBilling } from '#web/features/billing/api/decide-billing.ts';
import { useBillingRecords } from '#web/features/billing/api/get-billing-records.ts';
import type { BillingRecordFilters } from '#web/features/billing/api/get-billing-records.ts';
import { BILLING_SORT_SENTENCES, periodName } from '#web/features/billing/model/billing-report-text.ts';
import { BILLING_KIND_LABELS, consultationsText } from '#web/features/billing/model/billing-text.ts';
import { BillingExportLinks } from './billing-export-links';
import { BillingReasonDialog } from './billing-reason-dialog';
import type { ReasonAction } from './billing-reason-dialog';
import { type BillingFilterChange, BillingRecordsFilters } from './billing-records-filters';
import { BillingStatusBadge } from './billing-status-badge';
import './billing-records.css';

interface Props {
  filters: BillingRecordFilters;
  /** The months the period can start and end in, newest first. */
  months: string[];
  doctors: { id: string; name: string }[];
  onFilterChange: (next: BillingFilterChange) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** Every record of the period in the chosen order, with the admin's decisions on each and the list's export. */
export function BillingRecords({ filters, months, doctors, onFilterChange, headingRef }: Props) {
  const query = useBillingRecords(filters);
  const { items, loadMore } = usePagedList(query);
  const decide = useDecideBilling();
  const toast = useToast();
  const [asking, setAsking] = useState<{ record: BillingRecord; action: ReasonAction } | null>(null);
  const period = periodName(filters.from, filters.to);
  const order = BILLING_SORT_SENTENCES[filters.sort ?? 'newest'];
  // The doctors on offer are the page month's; a doctor chosen for a longer period stays on offer.
  const chosen = filters.doctorId && !doctors.some((d) => d.id === filters.doctorId) ? items.find((r) => r.doctor.id === filters.doctorId)?.doctor : undefined;

  const approve = (record: BillingRecord) =>
    decide.mutate(
      { id: record.id, action: 'approve' },
      {
        onSuccess: () => toast.notify(`Consulta de ${record.patient.name} aprovada: agora entra no faturamento.`),
        onError: (error) => toast.notify(messageOf(error), 'error'),
      },
    );

  return (
    <Card as="section" flush aria-labelledby="billing-records-title">
      <div className="billing-card-head">
        <div className="card-header billing-records-head">
          <div>
            <h2 id="billing-records-title" ref={headingRef} tabIndex={-1}>
              Consultas de {period}
            </h2>
            <p>{order} Horários de Brasília.</p>
          </div>
          <BillingExportLinks basePath="/api/billing" filters={filters} />
        </div>
      </div>
      <BillingRecordsFilters filters={filters} months={months} doctors={chosen ? [...doctors, chosen] : doctors} onChange={onFilterChange} />
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
          description={`Nenhuma consulta ${filters.from === filters.to ? 'deste mês' : 'deste período'} corresponde a esses filtros.`}
        />
      ) : (
        <>
          <table className="billing-table billing-records">
            <caption className="sr-only">
              Consultas de {period}. {order}
            </caption>
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                <th scope="col">Médico</th>
                <th scope="col">Paciente</th>
                <th scope="col" className="num">
                  Duração
                </th>
                <th scope="col" className="num">
                  Valor
                </th>
                <th scope="col" className="num">
                  Clínica
                </th>
                <th scope="col" className="num">
                  Médico recebe
                </th>
                <th scope="col">Situação</th>
                <th scope="col">
                  <span className="sr-only">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={clsx(r.status === 'voided' && 'is-voided', r.status === 'rejected' && 'is-rejected')}>
                  <td data-label="Data e hora" className="tabular">
                    {formatDateTime(r.finishedAt)}
                  </td>
                  <td data-label="Médico" className="billing-person">
                    {r.doctor.name}
                  </td>
                  <td data-label="Paciente">
                    <span>
                      {r.patient.name}
                      {r.kind === 'video' ? null : <span className="billing-kind">{BILLING_KIND_LABELS[r.kind]}</span>}
                    </span>
                  </td>
                  <td data-label="Duração" className="num">
                    {formatDuration(r.durationSeconds)}
                  </td>
                  <td data-label="Valor" className="num billing-money">
                    {formatBRL(r.priceCents)}
                  </td>
                  <td data-label="Clínica" className="num billing-money">
                    <span>
                      {formatBRL(r.clinicCents)} <span className="billing-bps">({formatBasisPoints(r.clinicBps)})</span>
                    </span>
                  </td>
                  <td data-label="Médico recebe" className="num billing-money">
                    {formatBRL(r.doctorCents)}
                  </td>
                  <td data-label="Situação">
                    <div className="billing-status">
                      <BillingStatusBadge status={r.status} />
                      {r.note ? <span className="billing-note">{r.note}</span> : null}
                    </div>
                  </td>
                  <td className="billing-actions">
                    {r.status === 'under_review' ? (
                      <>
                        <Button
                          size="sm"
                          onClick={() => approve(r)}
                          loading={decide.isPending && decide.variables.id === r.id && decide.variables.action === 'approve'}
                        >
                          Aprovar<span className="sr-only"> a consulta de {r.patient.name}</span>
                        </Button>
                        <Button size="sm" variant="danger-outline" onClick={() => setAsking({ record: r, action: 'reject' })}>
                          Recusar<span className="sr-only"> a consulta de {r.patient.name}</span>
                        </Button>
                      </>
                    ) : r.status === 'billed' ? (
                      <Button size="sm" variant="ghost" onClick={() => setAsking({ record: r, action: 'void' })}>
                        Anular<span className="sr-only"> a consulta de {r.patient.name}</span>
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...loadMore} label="Carregar mais consultas" />
        </>
      )}
      <BillingReasonDialog asking={asking} onClose={() => setAsking(null)} />
    </Card>
  );
}
