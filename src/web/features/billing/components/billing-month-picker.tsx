import { SelectField } from '#web/components/ui/select-field.tsx';
import { MONTHS_TO_PICK, monthLabel, recentMonths } from '#web/features/billing/model/billing-text.ts';

interface Props {
  /** The chosen month, YYYY-MM. */
  month: string;
  /** The newest month on offer (the clinic's current month). */
  thisMonth: string;
  onChange: (month: string) => void;
}

/** "Mês": the last 24 São Paulo months, newest first, by name. */
export function BillingMonthPicker({ month, thisMonth, onChange }: Props) {
  return (
    <SelectField
      label="Mês"
      fieldClassName="billing-month-picker"
      value={month}
      onChange={(e) => onChange(e.target.value)}
      options={recentMonths(thisMonth, MONTHS_TO_PICK).map((m) => ({ value: m, label: monthLabel(m) }))}
    />
  );
}
