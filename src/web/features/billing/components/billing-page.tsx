import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { clinicMonthOf } from '../../../../shared/domain/clinic-month';
import type { BillingStatus } from '../../../../shared/schemas/billing';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { messageOf } from '../../../lib/api-error';
import { useBillingSummary } from '../api/get-billing-summary';
import { BILLING_STATUSES, pickedMonth, underReviewText } from '../model/billing-text';
import { BillingByDoctor } from './billing-by-doctor';
import { BillingChart } from './billing-chart';
import { BillingMonthCards } from './billing-month-cards';
import { BillingMonthPicker } from './billing-month-picker';
import { BillingRecords } from './billing-records';
import '../../../components/ui/stat-card.css';
import './billing.css';

/** /admin/faturamento: a month's totals next to the month before, 12 months of history, each doctor's share and every record. */
export function BillingPage() {
  const [params, setParams] = useSearchParams();
  const thisMonth = clinicMonthOf(new Date());
  const month = pickedMonth(params.get('mes'), thisMonth);
  const statusParam = params.get('situacao') ?? '';
  const status = (BILLING_STATUSES as string[]).includes(statusParam) ? (statusParam as BillingStatus) : undefined;
  const doctorId = params.get('medico') || undefined;
  const summary = useBillingSummary(month);
  const recordsHeading = useRef<HTMLHeadingElement>(null);

  const update = (next: { month?: string; doctorId?: string | undefined; status?: BillingStatus | undefined }) => {
    const search = new URLSearchParams();
    const m = next.month ?? month;
    if (m !== thisMonth) search.set('mes', m);
    // Another month has other doctors: the doctor filter starts over.
    const d = 'doctorId' in next ? next.doctorId : next.month ? undefined : doctorId;
    if (d) search.set('medico', d);
    const s = 'status' in next ? next.status : status;
    if (s) search.set('situacao', s);
    setParams(search, { replace: true });
  };

  const current = summary.data?.months.at(-1);
  const previous = summary.data?.months.at(-2);

  return (
    <>
      <PageHeader
        title="Faturamento"
        description="Quanto as consultas renderam em cada mês, quanto fica com a clínica e quanto vai para cada médico."
        actions={<BillingMonthPicker month={month} thisMonth={thisMonth} onChange={(m) => update({ month: m })} />}
      />
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <Card>
          <ErrorState message={messageOf(summary.error)} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
        </Card>
      ) : (
        <div className="billing-layout" aria-busy={summary.isFetching}>
          {current && current.underReview > 0 ? (
            <Alert tone="warning" title={underReviewText(current.underReview)} className="billing-review-notice">
              <p>Chamadas mais curtas que o tempo mínimo só entram no faturamento se você aprovar.</p>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  update({ status: 'under_review', doctorId: undefined });
                  recordsHeading.current?.focus();
                }}
              >
                Ver consultas em análise
              </Button>
            </Alert>
          ) : null}
          {current && previous ? <BillingMonthCards current={current} previous={previous} /> : null}
          <div className="billing-columns">
            <BillingChart months={summary.data.months} />
            <BillingByDoctor month={month} rows={summary.data.byDoctor} />
          </div>
          <BillingRecords
            headingRef={recordsHeading}
            filters={{ month, doctorId, status }}
            doctors={summary.data.byDoctor.map((d) => d.doctor)}
            onFilterChange={(next) => update(next)}
          />
        </div>
      )}
    </>
  );
}
