import { useQuery } from '@tanstack/react-query';
import type { ClinicFees } from '#shared/schemas/fees.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const feesQueryKey = ['fees', 'clinic'] as const;

/** The clinic's price, share and short-call minimum, with their history (admin only). */
export function getFees(signal?: AbortSignal): Promise<ClinicFees> {
  return apiFetch<ClinicFees>('/api/fees', { signal });
}

export function useFees() {
  return useQuery({ queryKey: feesQueryKey, queryFn: ({ signal }) => getFees(signal) });
}
