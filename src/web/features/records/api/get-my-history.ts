import { useQuery } from '@tanstack/react-query';
import type { PatientHistory } from '../../../../shared/schemas/records';
import { apiFetch } from '../../../lib/api-client';

/** The signed-in patient's consultations and signed entries. */
export function getMyHistory(signal?: AbortSignal): Promise<PatientHistory> {
  return apiFetch<PatientHistory>('/api/me/history', { signal });
}

export function useMyHistory() {
  return useQuery({ queryKey: ['my-history'], queryFn: ({ signal }) => getMyHistory(signal) });
}
