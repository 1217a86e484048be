import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedUser, CreatePatientInput } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** The doctor registers a patient of their own and gets the invite link. */
export function createPatient(input: CreatePatientInput): Promise<CreatedUser> {
  return apiFetch<CreatedUser>('/api/patients', { method: 'POST', body: input });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPatient,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
