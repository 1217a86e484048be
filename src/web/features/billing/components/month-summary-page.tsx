import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { BillingMonthPicker } from './billing-month-picker';

type Month<T extends { months: readonly unknown[] }> = T['months'][number];

interface Props<T extends { months: readonly unknown[] }> {
  title: string;
  description: string;
  month: string;
  thisMonth: string;
  onMonthChange: (month: string) => void;
  /** The month's summary query; `children` draws the page from its data once it has loaded, with the month's figures and the month before's (its last two). */
  summary: UseQueryResult<T>;
  children: (data: T, current: Month<T> | undefined, previous: Month<T> | undefined) => ReactNode;
}

/** A page about one month's billing (Faturamento, Meus ganhos): title and month picker, then the summary's loading, error or content. */
export function MonthSummaryPage<T extends { months: readonly unknown[] }>({
  title,
  description,
  month,
  thisMonth,
  onMonthChange,
  summary,
  children,
}: Props<T>) {
  return (
    <>
      <PageHeader title={title} description={description} actions={<BillingMonthPicker month={month} thisMonth={thisMonth} onChange={onMonthChange} />} />
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <Card>
          <ErrorState message={messageOf(summary.error)} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
        </Card>
      ) : (
        <div className="billing-layout" aria-busy={summary.isFetching}>
          {children(summary.data, summary.data.months.at(-1), summary.data.months.at(-2))}
        </div>
      )}
    </>
  );
}
