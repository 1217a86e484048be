import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Payment, PaymentStatus } from '#shared/schemas/payments.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';
import { adminPaymentsQueryKey } from './get-closing-preview';

export interface PaymentFilters {
  month?: string | undefined;
  status?: PaymentStatus | undefined;
  doctorId?: string | undefined;
}

/** Admin: payments, newest month first, then by doctor's name. */
export function getPayments(filters: PaymentFilters, signal?: AbortSignal): Promise<{ items: Payment[] }> {
  return apiFetch<{ items: Payment[] }>(`/api/payments${queryString({ ...filters })}`, { signal });
}

export function usePayments(filters: PaymentFilters) {
  return useQuery({
    queryKey: [...adminPaymentsQueryKey, 'list', filters] as const,
    queryFn: ({ signal }) => getPayments(filters, signal),
    placeholderData: keepPreviousData,
  });
}
