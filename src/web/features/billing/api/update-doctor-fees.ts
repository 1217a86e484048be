import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DoctorFees, doctorFeesInputSchema } from '#shared/schemas/fees.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { doctorFeesQueryKey } from './get-doctor-fees';

/** Own price and share as typed; null goes back to the clinic's value. */
export type DoctorFeesInput = z.input<typeof doctorFeesInputSchema>;

export function updateDoctorFees(doctorId: string, input: DoctorFeesInput): Promise<DoctorFees> {
  return apiFetch<DoctorFees>(`/api/fees/doctors/${encodeURIComponent(doctorId)}`, { method: 'PUT', body: input });
}

export function useUpdateDoctorFees(doctorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DoctorFeesInput) => updateDoctorFees(doctorId, input),
    onSuccess: (fees) => queryClient.setQueryData(doctorFeesQueryKey(doctorId), fees),
  });
}
