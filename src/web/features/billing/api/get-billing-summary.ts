import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';

/** Everything billing shows sits under this key, so one invalidation refreshes cards, chart and list. */
export const billingQueryKey = ['billing'] as const;

/** Admin: billed totals of the 12 months ending at `month`, and `month` by doctor. */
export function getBillingSummary(month: string, signal?: AbortSignal): Promise<BillingSummary> {
  return apiFetch<BillingSummary>(`/api/billing/summary${queryString({ month })}`, { signal });
}

export function useBillingSummary(month: string) {
  return useQuery({
    queryKey: [...billingQueryKey, 'summary', month] as const,
    queryFn: ({ signal }) => getBillingSummary(month, signal),
    placeholderData: keepPreviousData,
  });
}
