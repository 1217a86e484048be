import { useQuery } from '@tanstack/react-query';
import type { DoctorOption } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Active doctors, to choose who cares for a patient. */
export function getDoctorOptions(signal?: AbortSignal): Promise<DoctorOption[]> {
  return apiFetch<DoctorOption[]>('/api/doctors/options', { signal });
}

export function useDoctorOptions() {
  return useQuery({ queryKey: ['doctor-options'], queryFn: ({ signal }) => getDoctorOptions(signal), staleTime: 60_000 });
}
