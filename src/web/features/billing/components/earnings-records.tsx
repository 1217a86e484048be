import { useState } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSort, BillingStatus } from '#shared/schemas/billing.ts';
import { Card } from '#web/components/ui/card.tsx';
import { NumCell, NumHeader } from '#web/components/ui/num-cells.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { useOwnBillingRecords } from '#web/features/billing/api/get-own-billing.ts';
import type { OwnBillingFilters } from '#web/features/billing/api/get-own-billing.ts';
import { BILLING_KIND_LABELS, BILLING_STATUSES, BILLING_STATUS_LABELS, monthName } from '#web/features/billing/model/billing-text.ts';
import { BILLING_SORTS, BILLING_SORT_LABELS, BILLING_SORT_SENTENCES } from '#web/features/billing/model/billing-report-text.ts';
import { BillingExportLinks } from './billing-export-links';
import { BillingRecordRow, BillingRecordsTable, BillingStatusCell } from './billing-records-table';

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
      <BillingRecordsTable
        query={query}
        items={items}
        loadMore={loadMore}
        emptyDescription={filters.status ? 'Nenhuma consulta deste mês está nessa situação.' : 'Cada consulta que você finalizar neste mês aparece aqui.'}
        caption={<>Minhas consultas de {monthName(filters.month)}, da mais recente para a mais antiga</>}
        headers={
          <>
            <th scope="col">Paciente</th>
            <th scope="col">Tipo</th>
            <NumHeader>Valor</NumHeader>
            <NumHeader>Você recebe</NumHeader>
            <th scope="col">Situação</th>
          </>
        }
        row={(r) => (
          <BillingRecordRow key={r.id} record={r}>
            <td data-label="Paciente" className="billing-person">
              {r.patient.name}
            </td>
            <td data-label="Tipo">{BILLING_KIND_LABELS[r.kind]}</td>
            <NumCell label="Valor" className="billing-money">
              {formatBRL(r.priceCents)}
            </NumCell>
            <NumCell label="Você recebe" className="billing-money billing-strong">
              {formatBRL(r.doctorCents)}
            </NumCell>
            <BillingStatusCell status={r.status} note={r.note} />
          </BillingRecordRow>
        )}
      />
    </Card>
  );
}
