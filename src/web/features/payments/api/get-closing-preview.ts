import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClosingPreview } from '#shared/schemas/payments.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';
import { paymentsQueryKey } from './payment-query-keys';

/** The admin's closings and payments sit under this key; a closing or a step refreshes them all. */
export const adminPaymentsQueryKey = [...paymentsQueryKey, 'admin'] as const;

/** Admin: what "Fechar mês" would create for `month`, the calls still under review and the closings made. */
export function getClosingPreview(month: string, signal?: AbortSignal): Promise<ClosingPreview> {
  return apiFetch<ClosingPreview>(`/api/closings/preview${queryString({ month })}`, { signal });
}

export function useClosingPreview(month: string) {
  return useQuery({
    queryKey: [...adminPaymentsQueryKey, 'preview', month] as const,
    queryFn: ({ signal }) => getClosingPreview(month, signal),
    placeholderData: keepPreviousData,
  });
}
