import { useSearchParams } from 'react-router';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { BillingStatus } from '#shared/schemas/billing.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { useMyPayments } from '#web/features/payments/api/get-my-payments.ts';
import { useOwnBillingSummary } from '#web/features/billing/api/get-own-billing.ts';
import { BILLING_STATUSES, monthName, pickedMonth } from '#web/features/billing/model/billing-text.ts';
import { UNDER_REVIEW_FOR_DOCTOR, ownUnderReviewText } from '#web/features/billing/model/earnings-text.ts';
import { PAYOUT_STATE_TEXT, payoutStateOf } from '#web/features/billing/model/payout-state.ts';
import { BillingMonthCards } from './billing-month-cards';
import { EarningsByMonth } from './earnings-by-month';
import { EarningsRecords } from './earnings-records';
import { MonthBarsChart } from './month-bars-chart';
import { MonthSummaryPage } from './month-summary-page';
import { PayoutStateBadge } from './payout-state-badge';
import '#web/components/ui/stat-card.css';
import './billing.css';
import './earnings.css';
const DOCTOR_LABELS = { gross: 'Valor das consultas', doctors: 'Você recebe' };

/** /medico/ganhos: the doctor's own consultations and earnings, month by month ("Meus ganhos"). */
export function EarningsPage() {
  const [params, setParams] = useSearchParams();
  const thisMonth = clinicMonthOf(new Date());
  const month = pickedMonth(params.get('mes'), thisMonth);
  const statusParam = params.get('situacao') ?? '';
  const status = (BILLING_STATUSES as string[]).includes(statusParam) ? (statusParam as BillingStatus) : undefined;
  const summary = useOwnBillingSummary(month);
  // Where each month's payout stands comes from the doctor's payments; unknown (no badge) until they load.
  const payments = useMyPayments();
  const payoutOf = (m: string) => (payments.data ? payoutStateOf(m, payments.data) : undefined);
  const payout = payoutOf(month);

  const search = (next: { month: string; status?: BillingStatus | undefined }) => {
    const s = new URLSearchParams();
    if (next.month !== thisMonth) s.set('mes', next.month);
    if (next.status) s.set('situacao', next.status);
    const text = s.toString();
    return text ? `?${text}` : '';
  };
  const update = (next: { month: string; status?: BillingStatus | undefined }) => setParams(new URLSearchParams(search(next)), { replace: true });

  return (
    <MonthSummaryPage
      title="Meus ganhos"
      description="Suas consultas de cada mês, quanto fica com a clínica e quanto você recebe."
      month={month}
      thisMonth={thisMonth}
      onMonthChange={(m) => update({ month: m })}
      summary={summary}
    >
      {(data, current, previous) => (
        <>
          {current && current.underReview > 0 ? (
            <Alert tone="warning" title={ownUnderReviewText(current.underReview, monthName(month))} className="billing-review-notice">
              <p>{UNDER_REVIEW_FOR_DOCTOR}</p>
            </Alert>
          ) : null}
          {current && previous ? (
            <BillingMonthCards current={current} previous={previous} labels={DOCTOR_LABELS} status={<PayoutStateBadge state={payout} />}>
              {payout ? <p className="earnings-payout-note">{PAYOUT_STATE_TEXT[payout].description}</p> : null}
            </BillingMonthCards>
          ) : null}
          <MonthBarsChart
            id="earnings-chart-title"
            title="Últimos 12 meses"
            description="Quanto você recebeu em cada mês."
            caption="Seus ganhos nos últimos 12 meses"
            months={data.months}
            series={[{ label: 'Você recebe', value: (m) => m.doctorCents, tone: 'doctors' }]}
          />
          <EarningsByMonth months={data.months} selected={month} linkTo={(m) => search({ month: m })} payoutOf={payoutOf} />
          <EarningsRecords filters={{ month, status }} onStatusChange={(s) => update({ month, status: s })} />
        </>
      )}
    </MonthSummaryPage>
  );
}
