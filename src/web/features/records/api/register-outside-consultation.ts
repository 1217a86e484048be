import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutsideConsultation, OutsideConsultationInput } from '#shared/schemas/consultations.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { patientRecordQueryKey } from './get-patient-record';

export function registerOutsideConsultation(patientId: string, input: OutsideConsultationInput): Promise<OutsideConsultation> {
  return apiFetch<OutsideConsultation>(`/api/patients/${encodeURIComponent(patientId)}/consultations`, { method: 'POST', body: input });
}

/** Registers a consultation held in person or by phone; the record, earnings and dashboard reload. */
export function useRegisterOutsideConsultation(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OutsideConsultationInput) => registerOutsideConsultation(patientId, input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: patientRecordQueryKey(patientId) }),
        queryClient.invalidateQueries({ queryKey: ['billing'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
    },
  });
}
