import { Building2, HandCoins, Stethoscope, Wallet } from 'lucide-react';
import { formatBRL } from '../../../../shared/domain/money';
import type { BillingSummary } from '../../../../shared/schemas/billing';
import { StatCard } from '../../../components/ui/stat-card';
import { monthLabel, monthName } from '../model/billing-text';

type MonthTotals = BillingSummary['months'][number];

const INTEGER = new Intl.NumberFormat('pt-BR');

/** The chosen month's four figures, each with the month before under it. */
export function BillingMonthCards({ current, previous }: { current: MonthTotals; previous: MonthTotals }) {
  const before = (text: string) => `Em ${monthName(previous.month)}: ${text}`;
  return (
    <section aria-labelledby="billing-month-title">
      <h2 id="billing-month-title" className="billing-section-title">
        {monthLabel(current.month)}
      </h2>
      <div className="stat-grid billing-stats">
        <StatCard label="Consultas faturadas" value={current.consultations} icon={<Stethoscope />} hint={before(INTEGER.format(previous.consultations))} />
        <StatCard label="Faturamento bruto" value={current.grossCents} format={formatBRL} tone="cyan" icon={<Wallet />} hint={before(formatBRL(previous.grossCents))} />
        <StatCard label="Comissão da clínica" value={current.clinicCents} format={formatBRL} tone="blue" icon={<Building2 />} hint={before(formatBRL(previous.clinicCents))} />
        <StatCard label="Repasse aos médicos" value={current.doctorCents} format={formatBRL} tone="green" icon={<HandCoins />} hint={before(formatBRL(previous.doctorCents))} />
      </div>
    </section>
  );
}
