import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConfirmPaymentInput, PaymentDetail } from '#shared/schemas/payments.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { adminPaymentsQueryKey } from './get-closing-preview';

/** Admin: the PIX was made (date, optional end-to-end id and note): pending or disputed → paid. */
export function confirmPayment({ id, ...input }: ConfirmPaymentInput & { id: string }): Promise<PaymentDetail> {
  return apiFetch<PaymentDetail>(`/api/payments/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: input });
}

/** Admin: cancels a pending or disputed payment; its consultations go back to open. */
export function cancelPayment({ id, reason }: { id: string; reason: string }): Promise<PaymentDetail> {
  return apiFetch<PaymentDetail>(`/api/payments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: { reason } });
}

function usePaymentStep<I>(step: (input: I) => Promise<PaymentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: step,
    // Also after a 409: someone else moved the payment, and the page should show what it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminPaymentsQueryKey }),
  });
}

export const useConfirmPayment = () => usePaymentStep(confirmPayment);
export const useCancelPayment = () => usePaymentStep(cancelPayment);
