import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEvolutionInput, Evolution } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { evolutionQueryKey } from './get-evolution';
import { patientRecordQueryKey } from './get-patient-record';

/** A new draft; with `roomCode`, the doctor's entry for that call (created the first time). With `amendsId`, an addendum. */
export function createEvolution(input: CreateEvolutionInput): Promise<Evolution> {
  return apiFetch<Evolution>('/api/evolutions', { method: 'POST', body: input });
}

export function useCreateEvolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvolution,
    onSuccess: (evolution) => {
      queryClient.setQueryData(evolutionQueryKey(evolution.id), evolution);
      void queryClient.invalidateQueries({ queryKey: patientRecordQueryKey(evolution.patientId) });
    },
  });
}
