import type { BillingKind, BillingSort, BillingStatus } from '#shared/schemas/billing.ts';
import { SelectField } from '#web/components/ui/select-field.tsx';
import type { BillingRecordFilters } from '#web/features/billing/api/get-billing-records.ts';
import { BILLING_KINDS, BILLING_SORTS, BILLING_SORT_LABELS } from '#web/features/billing/model/billing-report-text.ts';
import { BILLING_KIND_LABELS, BILLING_STATUSES, BILLING_STATUS_LABELS, monthLabel } from '#web/features/billing/model/billing-text.ts';

/** A change to the list's filters; a key present with `undefined` clears that filter. */
export type BillingFilterChange = Partial<BillingRecordFilters>;

interface Props {
  filters: BillingRecordFilters;
  /** The months the period can start and end in, newest first. */
  months: string[];
  doctors: { id: string; name: string }[];
  onChange: (next: BillingFilterChange) => void;
}

/**
 * The list's period (De/Até months), doctor, kind, status and order. The period never ends before
 * it begins: moving one end past the other brings the other along.
 */
export function BillingRecordsFilters({ filters, months, doctors, onChange }: Props) {
  const monthOptions = months.map((m) => ({ value: m, label: monthLabel(m) }));
  return (
    <div className="billing-filters billing-records-filters">
      <SelectField
        label="De"
        value={filters.from}
        onChange={(e) => onChange(e.target.value > filters.to ? { from: e.target.value, to: e.target.value } : { from: e.target.value })}
        options={monthOptions}
      />
      <SelectField
        label="Até"
        value={filters.to}
        onChange={(e) => onChange(e.target.value < filters.from ? { from: e.target.value, to: e.target.value } : { to: e.target.value })}
        options={monthOptions}
      />
      <SelectField
        label="Médico"
        value={filters.doctorId ?? ''}
        onChange={(e) => onChange({ doctorId: e.target.value || undefined })}
        placeholder="Todos os médicos"
        options={doctors.map((d) => ({ value: d.id, label: d.name }))}
      />
      <SelectField
        label="Tipo"
        value={filters.kind ?? ''}
        onChange={(e) => onChange({ kind: (e.target.value || undefined) as BillingKind | undefined })}
        placeholder="Todos os tipos"
        options={BILLING_KINDS.map((k) => ({ value: k, label: BILLING_KIND_LABELS[k] }))}
      />
      <SelectField
        label="Situação"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || undefined) as BillingStatus | undefined })}
        placeholder="Todas"
        options={BILLING_STATUSES.map((s) => ({ value: s, label: BILLING_STATUS_LABELS[s] }))}
      />
      <SelectField
        label="Ordem"
        value={filters.sort ?? 'newest'}
        onChange={(e) => onChange({ sort: e.target.value as BillingSort })}
        options={BILLING_SORTS.map((s) => ({ value: s, label: BILLING_SORT_LABELS[s] }))}
      />
    </div>
  );
}
