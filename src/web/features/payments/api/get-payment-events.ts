import { useInfiniteQuery } from '@tanstack/react-query';
import type { PaymentAction, PaymentEventPage } from '#shared/schemas/payments.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';
import { adminPaymentsQueryKey } from './get-closing-preview';

export interface PaymentEventFilters {
  action?: PaymentAction | undefined;
  doctorId?: string | undefined;
  month?: string | undefined;
}

/** Admin: one page of every payment event, newest first, after `cursor`. */
export function getPaymentEvents(filters: PaymentEventFilters, cursor: string | null, signal?: AbortSignal): Promise<PaymentEventPage> {
  return apiFetch<PaymentEventPage>(`/api/payment-events${queryString({ ...filters, cursor })}`, { signal });
}

export function usePaymentEvents(filters: PaymentEventFilters) {
  return useInfiniteQuery({
    queryKey: [...adminPaymentsQueryKey, 'events', filters] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => getPaymentEvents(filters, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}
