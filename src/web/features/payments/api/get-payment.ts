import { useQuery } from '@tanstack/react-query';
import type { AdminPaymentDetail } from '#shared/schemas/payments.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { adminPaymentsQueryKey } from './get-closing-preview';

export const paymentDetailKey = (id: string) => [...adminPaymentsQueryKey, 'detail', id] as const;

/** Admin: one payment with its timeline and the PIX copia e cola that pays it. */
export function getPayment(id: string, signal?: AbortSignal): Promise<AdminPaymentDetail> {
  return apiFetch<AdminPaymentDetail>(`/api/payments/${encodeURIComponent(id)}`, { signal });
}

export function usePayment(id: string) {
  return useQuery({ queryKey: paymentDetailKey(id), queryFn: ({ signal }) => getPayment(id, signal) });
}
