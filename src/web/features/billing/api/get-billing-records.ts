import { useInfiniteQuery } from '@tanstack/react-query';
import type { BillingKind, BillingRecord, BillingSort, BillingStatus } from '#shared/schemas/billing.ts';
import type { CursorPage } from '#shared/schemas/cursor.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';
import { billingQueryKey } from './get-billing-summary';

/** What narrows the billing list (and its export). */
export interface BillingRecordFilters {
  /** First month of the period, YYYY-MM, São Paulo (inclusive). */
  from: string;
  /** Last month of the period (inclusive). */
  to: string;
  doctorId?: string | undefined;
  status?: BillingStatus | undefined;
  kind?: BillingKind | undefined;
  /** Newest first when left out. */
  sort?: BillingSort | undefined;
}

/** Admin: one page of billing records in the chosen order, after `cursor`. */
export function getBillingRecords(filters: BillingRecordFilters, cursor: string | null, signal?: AbortSignal): Promise<CursorPage<BillingRecord>> {
  return apiFetch<CursorPage<BillingRecord>>(`/api/billing${queryString({ ...filters, cursor })}`, { signal });
}

export function useBillingRecords(filters: BillingRecordFilters) {
  return useInfiniteQuery({
    queryKey: [...billingQueryKey, 'records', filters] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => getBillingRecords(filters, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}
