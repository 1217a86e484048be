import { useQuery } from '@tanstack/react-query';
import type { Payment, PaymentDetail } from '#shared/schemas/payments.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { paymentsQueryKey } from './payment-query-keys';

/** The signed-in doctor's own payments (the server answers with theirs only). */
export const myPaymentsQueryKey = [...paymentsQueryKey, 'own'] as const;

/** Every payment of the doctor, newest month first (a doctor has about one a month). */
export function useMyPayments(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...myPaymentsQueryKey, 'list'] as const,
    queryFn: ({ signal }) => apiFetch<{ items: Payment[] }>('/api/me/payments', { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** One of the doctor's payments with its timeline. */
export function useMyPayment(id: string | null) {
  return useQuery({
    queryKey: [...myPaymentsQueryKey, 'detail', id] as const,
    queryFn: ({ signal }) => apiFetch<PaymentDetail>(`/api/me/payments/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}
