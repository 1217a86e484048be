import clsx from 'clsx';
import { Link } from 'react-router';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { consultationsText, monthLabel, monthName } from '#web/features/billing/model/billing-text.ts';
import type { PayoutState } from '#web/features/billing/model/payout-state.ts';
import { PayoutStateBadge } from './payout-state-badge';

type Month = BillingSummary['months'][number];

interface Props {
  /** Oldest first, as the summary gives them. */
  months: Month[];
  selected: string;
  /** The link that opens a month on this page. */
  linkTo: (month: string) => string;
  /** Where each month's payout stands; undefined while the payments are loading. */
  payoutOf: (month: string) => PayoutState | undefined;
}

function countText(m: Month): string {
  const billed = m.consultations === 0 ? 'Nenhuma consulta faturada' : `${consultationsText(m.consultations)} faturada${m.consultations === 1 ? '' : 's'}`;
  return m.underReview > 0 ? `${billed}, ${m.underReview} em análise` : billed;
}

/**
 * The doctor's months with consultations (and the chosen one), newest first: what each pays them
 * and where its payout stands. A month without consultations has nothing to pay and is left out.
 */
export function EarningsByMonth({ months, selected, linkTo, payoutOf }: Props) {
  const shown = [...months].reverse().filter((m) => m.month === selected || m.consultations > 0 || m.underReview > 0);
  return (
    <Card as="section" flush aria-labelledby="earnings-months-title">
      <div className="billing-card-head">
        <CardHeader
          id="earnings-months-title"
          title="Mês a mês"
          description={`Os meses com consultas até ${monthName(selected)}: quanto você recebe e se o mês já foi fechado e pago.`}
        />
      </div>
      <ol className="earnings-months">
        {shown.map((m) => (
          <li key={m.month} className={clsx(m.month === selected && 'is-selected')}>
            <div className="earnings-months-name">
              <Link to={linkTo(m.month)} aria-current={m.month === selected ? 'page' : undefined}>
                {monthLabel(m.month)}
              </Link>
              <span>{countText(m)}</span>
            </div>
            <div className="earnings-months-money">
              <span className="tabular">
                <span className="sr-only">Você recebe </span>
                {formatBRL(m.doctorCents)}
              </span>
              <PayoutStateBadge state={payoutOf(m.month)} />
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
