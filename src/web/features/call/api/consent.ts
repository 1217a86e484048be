import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentStatus } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const consentQueryKey = ['consent'] as const;

/** Whether the patient must (re)accept the telemedicine consent term before a call. */
export function getConsent(signal?: AbortSignal): Promise<ConsentStatus> {
  return apiFetch<ConsentStatus>('/api/consent', { signal });
}

export function useConsent(enabled: boolean) {
  return useQuery({ queryKey: consentQueryKey, queryFn: ({ signal }) => getConsent(signal), enabled, staleTime: 0 });
}

/** Records the acceptance of the term's current version. */
export function acceptConsent(version: string): Promise<ConsentStatus> {
  return apiFetch<ConsentStatus>('/api/consent', { method: 'POST', body: { version } });
}

export function useAcceptConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptConsent,
    onSuccess: (status) => queryClient.setQueryData(consentQueryKey, status),
  });
}
