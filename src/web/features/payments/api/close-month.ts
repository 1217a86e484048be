import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClosingResult } from '#shared/schemas/payments.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { adminPaymentsQueryKey } from './get-closing-preview';

/** Admin: closes a São Paulo month that has ended, creating one payment per doctor with open billed records. */
export function closeMonth(month: string): Promise<ClosingResult> {
  return apiFetch<ClosingResult>('/api/closings', { method: 'POST', body: { month } });
}

export function useCloseMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeMonth,
    // Also after a 409: another admin closed it, and the page should show what they made.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminPaymentsQueryKey }),
  });
}
