import { type QueryClient, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { PatientHistory, PatientHistoryList } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const myHistoryQueryKey = ['my-history'] as const;

/** The signed-in patient's consultations and signed entries: the first page of each. */
export function getMyHistory(signal?: AbortSignal): Promise<PatientHistory> {
  return apiFetch<PatientHistory>('/api/me/history', { signal });
}

/** The next page of one list of the history, after `cursor`. */
export function getMyHistoryPage<L extends PatientHistoryList>(list: L, cursor: string, signal?: AbortSignal): Promise<PatientHistory[L]> {
  return apiFetch<PatientHistory[L]>(`/api/me/history/${list}?cursor=${encodeURIComponent(cursor)}`, { signal });
}

// Both lists start from one read of the history (one request, one access-log row).
function firstHistoryPage(queryClient: QueryClient): Promise<PatientHistory> {
  return queryClient.fetchQuery({ queryKey: myHistoryQueryKey, queryFn: ({ signal }) => getMyHistory(signal) });
}

/** One list of the patient's history, a page at a time (newest first). */
export function useMyHistoryList<L extends PatientHistoryList>(list: L) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: [...myHistoryQueryKey, list] as const,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<PatientHistory[L]> =>
      pageParam === null ? (await firstHistoryPage(queryClient))[list] : getMyHistoryPage(list, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}
