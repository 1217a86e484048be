import { useQuery } from '@tanstack/react-query';
import type { PatientRecord } from '../../../../shared/schemas/records';
import { apiFetch } from '../../../lib/api-client';

export const patientRecordQueryKey = (patientId: string) => ['patient-record', patientId] as const;

/** The doctor's page about one patient: consent, consultations, evolutions (newest first), rooms. */
export function getPatientRecord(patientId: string, signal?: AbortSignal): Promise<PatientRecord> {
  return apiFetch<PatientRecord>(`/api/patients/${encodeURIComponent(patientId)}/record`, { signal });
}

export function usePatientRecord(patientId: string) {
  return useQuery({ queryKey: patientRecordQueryKey(patientId), queryFn: ({ signal }) => getPatientRecord(patientId, signal) });
}
