import { useQuery } from '@tanstack/react-query';
import type { PatientDetail } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const patientQueryKey = (id: string) => ['patient', id] as const;

/** One of the doctor's patients; 404 not_found when it is not theirs. */
export function getPatient(id: string, signal?: AbortSignal): Promise<PatientDetail> {
  return apiFetch<PatientDetail>(`/api/patients/${encodeURIComponent(id)}`, { signal });
}

export function usePatient(id: string) {
  return useQuery({ queryKey: patientQueryKey(id), queryFn: ({ signal }) => getPatient(id, signal) });
}
