import { useQuery } from '@tanstack/react-query';
import type { DraftsToSign } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const draftsToSignQueryKey = ['evolution-drafts'] as const;

/** The signed-in doctor's own unsigned drafts: the newest few and how many in all. */
export function getDraftsToSign(signal?: AbortSignal): Promise<DraftsToSign> {
  return apiFetch<DraftsToSign>('/api/evolutions/drafts', { signal });
}

/** Always asked again when the home opens: a draft signed a minute ago must not linger there. */
export function useDraftsToSign() {
  return useQuery({ queryKey: draftsToSignQueryKey, queryFn: ({ signal }) => getDraftsToSign(signal), staleTime: 0 });
}
