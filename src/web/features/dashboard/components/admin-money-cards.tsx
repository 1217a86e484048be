import { ArrowRight, Building2, HandCoins, Hourglass, Wallet } from 'lucide-react';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingGlance } from '#shared/schemas/dashboard.ts';
import { StatCard } from '#web/components/ui/stat-card.tsx';

const before = (cents: number) => `No mês passado: ${formatBRL(cents)}`;

/** The clinic's money this month (billed consultations only), with what waits for a decision and the way to "Faturamento". */
export function AdminMoneyCards({ billing }: { billing: BillingGlance }) {
  const { current, previous } = billing;
  return (
    <section aria-labelledby="admin-money-title" className="dashboard-money">
      <div className="dashboard-section-head">
        <h2 id="admin-money-title">Faturamento deste mês</h2>
        <Link to="/admin/faturamento" className="dashboard-link">
          Ver faturamento
          <ArrowRight aria-hidden="true" />
        </Link>
      </div>
      <div className="stat-grid dashboard-money-stats">
        <StatCard label="Faturamento bruto" value={current.grossCents} format={formatBRL} tone="cyan" icon={<Wallet />} hint={before(previous.grossCents)} />
        <StatCard label="Comissão da clínica" value={current.clinicCents} format={formatBRL} icon={<Building2 />} hint={before(previous.clinicCents)} />
        <StatCard
          label="Repasse aos médicos"
          value={current.doctorCents}
          format={formatBRL}
          tone="green"
          icon={<HandCoins />}
          hint={before(previous.doctorCents)}
        />
        <StatCard
          label="Consultas em análise"
          value={current.underReview}
          tone="amber"
          icon={<Hourglass />}
          hint={
            current.underReview > 0 ? (
              <Link to="/admin/faturamento?situacao=under_review" className="dashboard-link">
                Ver consultas em análise
                <ArrowRight aria-hidden="true" />
              </Link>
            ) : (
              'Nenhuma chamada curta esperando'
            )
          }
        />
      </div>
    </section>
  );
}
