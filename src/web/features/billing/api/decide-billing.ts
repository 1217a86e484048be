import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BillingRecord } from '#shared/schemas/billing.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { billingQueryKey } from './get-billing-summary';

/** Approve a record under review (billed), reject it, or void a billed one; the last two say why. */
export type BillingDecision = { id: string; action: 'approve' } | { id: string; action: 'reject' | 'void'; reason: string };

export function decideBilling(decision: BillingDecision): Promise<BillingRecord> {
  const body = decision.action === 'approve' ? {} : { reason: decision.reason };
  return apiFetch<BillingRecord>(`/api/billing/${encodeURIComponent(decision.id)}/${decision.action}`, { method: 'POST', body });
}

export function useDecideBilling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideBilling,
    // Also after a 409: someone else decided, and the list should show what they did.
    onSettled: () => queryClient.invalidateQueries({ queryKey: billingQueryKey }),
  });
}
