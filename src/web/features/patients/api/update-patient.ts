import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PatientDetail, UpdatePatientInput } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { patientQueryKey } from './get-patient';

/** Saves the doctor's edits to one of their patients. */
export function updatePatient(id: string, input: UpdatePatientInput): Promise<PatientDetail> {
  return apiFetch<PatientDetail>(`/api/patients/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePatientInput) => updatePatient(id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(patientQueryKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
