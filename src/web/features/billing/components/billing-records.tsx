import clsx from 'clsx';
import { ReceiptText } from 'lucide-react';
import { useState } from 'react';
import type { RefObject } from 'react';
import { formatBRL, formatBasisPoints } from '../../../../shared/domain/money';
import type { BillingRecord, BillingStatus } from '../../../../shared/schemas/billing';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { LoadingState } from '../../../components/ui/loading-state';
import { SelectField } from '../../../components/ui/select-field';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-date';
import { formatDuration } from '../../../lib/format-duration';
import { usePagedList } from '../../../lib/use-paged-list';
import { useDecideBilling } from '../api/decide-billing';
import { useBillingRecords } from '../api/get-billing-records';
import type { BillingRecordFilters } from '../api/get-billing-records';
import { BILLING_STATUSES, BILLING_STATUS_LABELS, consultationsText, monthName } from '../model/billing-text';
import { BillingReasonDialog } from './billing-reason-dialog';
import type { ReasonAction } from './billing-reason-dialog';
import { BillingStatusBadge } from './billing-status-badge';

interface Props {
  filters: BillingRecordFilters;
  doctors: { id: string; name: string }[];
  onFilterChange: (next: { doctorId?: string | undefined; status?: BillingStatus | undefined }) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** Every record of the month, newest first, with the admin's decisions on each. */
export function BillingRecords({ filters, doctors, onFilterChange, headingRef }: Props) {
  const query = useBillingRecords(filters);
  const { items, loadMore } = usePagedList(query);
  const decide = useDecideBilling();
  const toast = useToast();
  const [asking, setAsking] = useState<{ record: BillingRecord; action: ReasonAction } | null>(null);

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
        <div className="card-header">
          <div>
            <h2 id="billing-records-title" ref={headingRef} tabIndex={-1}>
              Consultas de {monthName(filters.month)}
            </h2>
            <p>Da mais recente para a mais antiga. Horários de Brasília.</p>
          </div>
        </div>
      </div>
      <div className="billing-filters">
        <SelectField
          label="Médico"
          value={filters.doctorId ?? ''}
          onChange={(e) => onFilterChange({ doctorId: e.target.value || undefined })}
          placeholder="Todos os médicos"
          options={doctors.map((d) => ({ value: d.id, label: d.name }))}
        />
        <SelectField
          label="Situação"
          value={filters.status ?? ''}
          onChange={(e) => onFilterChange({ status: (e.target.value || undefined) as BillingStatus | undefined })}
          placeholder="Todas"
          options={BILLING_STATUSES.map((s) => ({ value: s, label: BILLING_STATUS_LABELS[s] }))}
        />
      </div>
      <p className="sr-only" role="status">
        {query.isSuccess ? `${consultationsText(items.length)} na lista${loadMore.hasMore ? ', e há mais para carregar' : ''}.` : ''}
      </p>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={messageOf(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : items.length === 0 ? (
        <EmptyState level={3} icon={<ReceiptText />} title="Nenhuma consulta encontrada" description="Nenhuma consulta deste mês corresponde a esses filtros." />
      ) : (
        <>
          <table className="billing-table billing-records">
            <caption className="sr-only">Consultas de {monthName(filters.month)}, da mais recente para a mais antiga</caption>
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                <th scope="col">Médico</th>
                <th scope="col">Paciente</th>
                <th scope="col" className="num">Duração</th>
                <th scope="col" className="num">Valor</th>
                <th scope="col" className="num">Clínica</th>
                <th scope="col" className="num">Médico recebe</th>
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
                  <td data-label="Paciente">{r.patient.name}</td>
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
                        <Button size="sm" onClick={() => approve(r)} loading={decide.isPending && decide.variables.id === r.id && decide.variables.action === 'approve'}>
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
