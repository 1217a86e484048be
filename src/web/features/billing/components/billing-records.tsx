import { useState } from 'react';
import type { RefObject } from 'react';
import { formatBRL, formatBasisPoints } from '#shared/domain/money.ts';
import type { BillingRecord } from '#shared/schemas/billing.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { NumCell, NumHeader } from '#web/components/ui/num-cells.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { useDecideBilling } from '#web/features/billing/api/decide-billing.ts';
import { useBillingRecords } from '#web/features/billing/api/get-billing-records.ts';
import type { BillingRecordFilters } from '#web/features/billing/api/get-billing-records.ts';
import { BILLING_SORT_SENTENCES, periodName } from '#web/features/billing/model/billing-report-text.ts';
import { BILLING_KIND_LABELS } from '#web/features/billing/model/billing-text.ts';
import { BillingExportLinks } from './billing-export-links';
import { BillingReasonDialog } from './billing-reason-dialog';
import type { ReasonAction } from './billing-reason-dialog';
import { type BillingFilterChange, BillingRecordsFilters } from './billing-records-filters';
import { BillingRecordRow, BillingRecordsTable, BillingStatusCell } from './billing-records-table';
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
      <BillingRecordsTable
        query={query}
        items={items}
        loadMore={loadMore}
        emptyDescription={`Nenhuma consulta ${filters.from === filters.to ? 'deste mês' : 'deste período'} corresponde a esses filtros.`}
        caption={
          <>
            Consultas de {period}. {order}
          </>
        }
        headers={
          <>
            <th scope="col">Médico</th>
            <th scope="col">Paciente</th>
            <NumHeader>Duração</NumHeader>
            <NumHeader>Valor</NumHeader>
            <NumHeader>Clínica</NumHeader>
            <NumHeader>Médico recebe</NumHeader>
            <th scope="col">Situação</th>
            <th scope="col">
              <span className="sr-only">Ações</span>
            </th>
          </>
        }
        row={(r) => (
          <BillingRecordRow key={r.id} record={r}>
            <td data-label="Médico" className="billing-person">
              {r.doctor.name}
            </td>
            <td data-label="Paciente">
              <span>
                {r.patient.name}
                {r.kind === 'video' ? null : <span className="billing-kind">{BILLING_KIND_LABELS[r.kind]}</span>}
              </span>
            </td>
            <NumCell label="Duração">{formatDuration(r.durationSeconds)}</NumCell>
            <NumCell label="Valor" className="billing-money">
              {formatBRL(r.priceCents)}
            </NumCell>
            <NumCell label="Clínica" className="billing-money">
              <span>
                {formatBRL(r.clinicCents)} <span className="billing-bps">({formatBasisPoints(r.clinicBps)})</span>
              </span>
            </NumCell>
            <NumCell label="Médico recebe" className="billing-money">
              {formatBRL(r.doctorCents)}
            </NumCell>
            <BillingStatusCell status={r.status} note={r.note} />
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
          </BillingRecordRow>
        )}
      />
      <BillingReasonDialog asking={asking} onClose={() => setAsking(null)} />
    </Card>
  );
}
