import { ArrowRight, TrendingDown, TrendingUp, Wallet } from 'lucide-react';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingGlance } from '#shared/schemas/dashboard.ts';
import { Card } from '#web/components/ui/card.tsx';
import { useCountUp } from '#web/components/ui/use-count-up.ts';
import '#web/components/ui/stat-card.css';
import { consultationCount, lastMonthText, moneyComparedText, underReviewCount } from '#web/features/dashboard/model/money-text.ts';

/** The doctor's share of this month's billed consultations, next to last month's, with the way to "Meus ganhos". */
export function DoctorEarningsCard({ earnings }: { earnings: BillingGlance }) {
  const { current, previous } = earnings;
  const shown = useCountUp(current.doctorCents);
  const Trend = current.doctorCents >= previous.doctorCents ? TrendingUp : TrendingDown;
  return (
    <Card as="section" interactive className="earnings-card stat-card-green" aria-labelledby="doctor-earnings-title">
      <div className="earnings-card-head">
        <h2 id="doctor-earnings-title">Meus ganhos deste mês</h2>
        <span className="stat-card-icon" aria-hidden="true">
          <Wallet />
        </span>
      </div>
      <p className="stat-card-label">Você recebe</p>
      <p className="stat-card-value">{formatBRL(shown)}</p>
      <p className="earnings-card-count">
        {current.consultations === 0
          ? 'Nenhuma consulta faturada ainda'
          : `${consultationCount(current.consultations)} faturada${current.consultations === 1 ? '' : 's'}`}
      </p>
      <p className="earnings-card-trend">
        {current.doctorCents !== previous.doctorCents ? <Trend aria-hidden="true" /> : null}
        {moneyComparedText(current.doctorCents, previous.doctorCents)}
      </p>
      <p className="earnings-card-before">{lastMonthText(previous.doctorCents, previous.consultations)}</p>
      {current.underReview > 0 ? <p className="earnings-card-review">{underReviewCount(current.underReview)}: a clínica confere antes de contar.</p> : null}
      <Link to="/medico/ganhos" className="dashboard-link">
        Ver meus ganhos
        <ArrowRight aria-hidden="true" />
      </Link>
    </Card>
  );
}
