import { useQuery } from '@tanstack/react-query';
import type { DoctorFees } from '#shared/schemas/fees.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const doctorFeesQueryKey = (doctorId: string) => ['fees', 'doctor', doctorId] as const;

/** A doctor's own price and share (null = the clinic's), what applies now, and the history. */
export function getDoctorFees(doctorId: string, signal?: AbortSignal): Promise<DoctorFees> {
  return apiFetch<DoctorFees>(`/api/fees/doctors/${encodeURIComponent(doctorId)}`, { signal });
}

export function useDoctorFees(doctorId: string) {
  return useQuery({ queryKey: doctorFeesQueryKey(doctorId), queryFn: ({ signal }) => getDoctorFees(doctorId, signal) });
}
