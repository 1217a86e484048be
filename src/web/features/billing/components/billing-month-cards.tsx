import { Building2, HandCoins, Stethoscope, Wallet } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { StatCard } from '#web/components/ui/stat-card.tsx';
import { monthLabel, monthName } from '#web/features/billing/model/billing-text.ts';
import './billing-month-cards.css';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

type MonthTotals = BillingSummary['months'][number];

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

interface Props {
  current: MonthTotals;
  previous: MonthTotals;
  /** What the gross and the doctors' share are called: the admin's words by default, "Você recebe" on a doctor's page. */
  labels?: { gross: string; doctors: string };
  /** Shown after the month's heading (a doctor's payout state). */
  status?: ReactNode;
  /** Under the heading, before the figures. */
  children?: ReactNode;
}

const ADMIN_LABELS = { gross: 'Faturamento bruto', doctors: 'Repasse aos médicos' };

/** The chosen month's four figures, each with the month before under it. */
export function BillingMonthCards({ current, previous, labels = ADMIN_LABELS, status, children }: Props) {
  const before = (text: string) => `Em ${monthName(previous.month)}: ${text}`;
  return (
    <section aria-labelledby="billing-month-title">
      <div className="billing-month-head">
        <h2 id="billing-month-title" className="billing-section-title">
          {monthLabel(current.month)}
        </h2>
        {status}
      </div>
      {children}
      <div className="stat-grid billing-stats">
        <StatCard label="Consultas faturadas" value={current.consultations} icon={<Stethoscope />} hint={before(INTEGER.format(previous.consultations))} />
        <StatCard
          label={labels.gross}
          value={current.grossCents}
          format={formatBRL}
          tone="cyan"
          icon={<Wallet />}
          hint={before(formatBRL(previous.grossCents))}
        />
        <StatCard
          label="Comissão da clínica"
          value={current.clinicCents}
          format={formatBRL}
          tone="blue"
          icon={<Building2 />}
          hint={before(formatBRL(previous.clinicCents))}
        />
        <StatCard
          label={labels.doctors}
          value={current.doctorCents}
          format={formatBRL}
          tone="green"
          icon={<HandCoins />}
          hint={before(formatBRL(previous.doctorCents))}
        />
      </div>
    </section>
  );
}
