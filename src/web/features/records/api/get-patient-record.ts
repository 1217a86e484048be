import { type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PatientRecord, PatientRecordList } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const patientRecordQueryKey = (patientId: string) => ['patient-record', patientId] as const;

/** The doctor's page about one patient: consent and the first page of consultations, evolutions and rooms. */
export function getPatientRecord(patientId: string, signal?: AbortSignal): Promise<PatientRecord> {
  return apiFetch<PatientRecord>(`/api/patients/${encodeURIComponent(patientId)}/record`, { signal });
}

export function usePatientRecord(patientId: string) {
  return useQuery({ queryKey: patientRecordQueryKey(patientId), queryFn: ({ signal }) => getPatientRecord(patientId, signal) });
}

/** The next page of one list of the record, after `cursor`. */
export function getPatientRecordPage<L extends PatientRecordList>(patientId: string, list: L, cursor: string, signal?: AbortSignal): Promise<PatientRecord[L]> {
  return apiFetch<PatientRecord[L]>(`/api/patients/${encodeURIComponent(patientId)}/record/${list}?cursor=${encodeURIComponent(cursor)}`, { signal });
}

/**
 * The first page comes from the record itself (the cached answer when it is fresh, one shared
 * request when it is not), so opening the page reads, and logs, the record once.
 */
function firstRecordPage(queryClient: QueryClient, patientId: string): Promise<PatientRecord> {
  return queryClient.fetchQuery({ queryKey: patientRecordQueryKey(patientId), queryFn: ({ signal }) => getPatientRecord(patientId, signal) });
}

/**
 * One list of the record, a page at a time (newest first). Its key sits under the record's, so
 * invalidating the record after a change reloads the pages already shown, from the top.
 */
export function usePatientRecordList<L extends PatientRecordList>(patientId: string, list: L) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: [...patientRecordQueryKey(patientId), list] as const,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<PatientRecord[L]> =>
      pageParam === null ? (await firstRecordPage(queryClient, patientId))[list] : getPatientRecordPage(patientId, list, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}
