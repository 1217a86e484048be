import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { BillingRecord, BillingSort, BillingStatus, BillingSummary } from '#shared/schemas/billing.ts';
import type { CursorPage } from '#shared/schemas/cursor.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';
import { billingQueryKey } from './get-billing-summary';

/** A doctor's "Meus ganhos": the server answers with the signed-in doctor's records only. */
const ownKey = [...billingQueryKey, 'own'] as const;

/** The doctor's own totals for the 12 months ending at `month`. */
export function useOwnBillingSummary(month: string) {
  return useQuery({
    queryKey: [...ownKey, 'summary', month] as const,
    queryFn: ({ signal }) => apiFetch<BillingSummary>(`/api/me/billing/summary${queryString({ month })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface OwnBillingFilters {
  /** YYYY-MM, São Paulo. */
  month: string;
  status?: BillingStatus | undefined;
  sort?: BillingSort | undefined;
}

/** The doctor's own records, in the chosen order (newest first by default), a page at a time. */
export function useOwnBillingRecords(filters: OwnBillingFilters) {
  return useInfiniteQuery({
    queryKey: [...ownKey, 'records', filters] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<CursorPage<BillingRecord>>(`/api/me/billing${queryString({ ...filters, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
