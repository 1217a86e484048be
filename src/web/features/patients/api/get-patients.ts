import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PatientList } from '#shared/schemas/users.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';

export interface PatientListQuery {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** The signed-in doctor's own patients, one page at a time. */
export function getPatients(query: PatientListQuery, signal?: AbortSignal): Promise<PatientList> {
  return apiFetch<PatientList>(`/api/patients${queryString({ ...query })}`, { signal });
}

export function usePatients(query: PatientListQuery) {
  return useQuery({
    queryKey: ['patients', query],
    queryFn: ({ signal }) => getPatients(query, signal),
    placeholderData: keepPreviousData,
  });
}
