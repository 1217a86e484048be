import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { MonthBarsChart } from './month-bars-chart';

type Month = BillingSummary['months'][number];

/** The admin's twelve months of gross billing: the clinic's commission below, the doctors' share above. */
export function BillingChart({ months }: { months: Month[] }) {
  return (
    <MonthBarsChart
      id="billing-chart-title"
      title="Últimos 12 meses"
      description="Faturamento bruto de cada mês, dividido entre a clínica e os médicos."
      caption="Faturamento dos últimos 12 meses"
      months={months}
      series={[
        { label: 'Comissão da clínica', value: (m) => m.clinicCents, tone: 'clinic' },
        { label: 'Repasse aos médicos', value: (m) => m.doctorCents, tone: 'doctors' },
      ]}
      columns={[
        { label: 'Faturamento bruto', value: (m) => formatBRL(m.grossCents) },
        { label: 'Comissão da clínica', value: (m) => formatBRL(m.clinicCents) },
        { label: 'Repasse aos médicos', value: (m) => formatBRL(m.doctorCents) },
      ]}
    />
  );
}
