import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PaymentDetail } from '#shared/schemas/payments.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { paymentsQueryKey } from './payment-query-keys';

/** The doctor's answer to a payment the clinic marked as paid. */
export type MyPaymentAnswer = { id: string; action: 'received' } | { id: string; action: 'dispute'; message: string };

export function answerMyPayment(answer: MyPaymentAnswer): Promise<PaymentDetail> {
  const path = `/api/me/payments/${encodeURIComponent(answer.id)}/${answer.action}`;
  return apiFetch<PaymentDetail>(path, { method: 'POST', body: answer.action === 'dispute' ? { message: answer.message } : {} });
}

export function useAnswerMyPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerMyPayment,
    // Also after a 409 (the clinic cancelled or paid again meanwhile): show what it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: paymentsQueryKey }),
  });
}
