import { useInfiniteQuery } from '@tanstack/react-query';
import type { BillingRecord, BillingStatus } from '../../../../shared/schemas/billing';
import type { CursorPage } from '../../../../shared/schemas/cursor';
import { apiFetch, queryString } from '../../../lib/api-client';
import { billingQueryKey } from './get-billing-summary';

export interface BillingRecordFilters {
  /** YYYY-MM, São Paulo. */
  month: string;
  doctorId?: string | undefined;
  status?: BillingStatus | undefined;
}

/** Admin: one page of billing records, newest first, after `cursor`. */
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
