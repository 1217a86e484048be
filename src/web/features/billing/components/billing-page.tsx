import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { BillingKind, BillingSort, BillingStatus } from '#shared/schemas/billing.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { useBillingSummary } from '#web/features/billing/api/get-billing-summary.ts';
import type { BillingRecordFilters } from '#web/features/billing/api/get-billing-records.ts';
import { BILLING_KINDS, BILLING_SORTS } from '#web/features/billing/model/billing-report-text.ts';
import { BILLING_STATUSES, MONTHS_TO_PICK, pickedMonth, recentMonths, underReviewText } from '#web/features/billing/model/billing-text.ts';
import { BillingByDoctor } from './billing-by-doctor';
import { BillingChart } from './billing-chart';
import { BillingMonthCards } from './billing-month-cards';
import { BillingRecords } from './billing-records';
import type { BillingFilterChange } from './billing-records-filters';
import { MonthSummaryPage } from './month-summary-page';
import '#web/components/ui/stat-card.css';
import './billing.css';

/** /admin/faturamento: a month's totals next to the month before, 12 months of history, each doctor's share and every record. */
export function BillingPage() {
  const [params, setParams] = useSearchParams();
  const thisMonth = clinicMonthOf(new Date());
  const month = pickedMonth(params.get('mes'), thisMonth);
  const months = recentMonths(thisMonth, MONTHS_TO_PICK);
  const statusParam = params.get('situacao') ?? '';
  const status = (BILLING_STATUSES as string[]).includes(statusParam) ? (statusParam as BillingStatus) : undefined;
  const kindParam = params.get('tipo') ?? '';
  const kind = (BILLING_KINDS as string[]).includes(kindParam) ? (kindParam as BillingKind) : undefined;
  const sortParam = params.get('ordem') ?? '';
  const sort = (BILLING_SORTS as string[]).includes(sortParam) ? (sortParam as BillingSort) : undefined;
  const doctorId = params.get('medico') || undefined;
  // The list's period: the page's month unless ?de=&ate= ask for months the pickers offer.
  const askedFrom = params.get('de');
  const askedTo = params.get('ate');
  const ends = [askedFrom && months.includes(askedFrom) ? askedFrom : month, askedTo && months.includes(askedTo) ? askedTo : month].sort();
  const filters: BillingRecordFilters = { from: ends[0]!, to: ends[1]!, doctorId, status, kind, sort };
  const summary = useBillingSummary(month);
  const recordsHeading = useRef<HTMLHeadingElement>(null);

  /** Writes the filters into the address (shareable, kept on reload). */
  const update = (next: BillingFilterChange & { month?: string }) => {
    const m = next.month ?? month;
    const merged = { ...filters, ...next };
    // Another month: the list shows that month, and its doctors are others, so the doctor filter starts over.
    if (next.month) Object.assign(merged, { from: m, to: m, doctorId: undefined });
    const search = new URLSearchParams();
    if (m !== thisMonth) search.set('mes', m);
    if (merged.from !== m || merged.to !== m) {
      search.set('de', merged.from);
      search.set('ate', merged.to);
    }
    if (merged.doctorId) search.set('medico', merged.doctorId);
    if (merged.status) search.set('situacao', merged.status);
    if (merged.kind) search.set('tipo', merged.kind);
    if (merged.sort && merged.sort !== 'newest') search.set('ordem', merged.sort);
    setParams(search, { replace: true });
  };

  return (
    <MonthSummaryPage
      title="Faturamento"
      description="Quanto as consultas renderam em cada mês, quanto fica com a clínica e quanto vai para cada médico."
      month={month}
      thisMonth={thisMonth}
      onMonthChange={(m) => update({ month: m })}
      summary={summary}
    >
      {(data, current, previous) => (
        <>
          {current && current.underReview > 0 ? (
            <Alert tone="warning" title={underReviewText(current.underReview)} className="billing-review-notice">
              <p>Chamadas mais curtas que o tempo mínimo só entram no faturamento se você aprovar.</p>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  update({ status: 'under_review', doctorId: undefined, from: month, to: month });
                  recordsHeading.current?.focus();
                }}
              >
                Ver consultas em análise
              </Button>
            </Alert>
          ) : null}
          {current && previous ? <BillingMonthCards current={current} previous={previous} /> : null}
          <div className="billing-columns">
            <BillingChart months={data.months} />
            <BillingByDoctor month={month} rows={data.byDoctor} />
          </div>
          <BillingRecords
            headingRef={recordsHeading}
            filters={filters}
            months={months}
            doctors={data.byDoctor.map((d) => d.doctor)}
            onFilterChange={(next) => update(next)}
          />
        </>
      )}
    </MonthSummaryPage>
  );
}
