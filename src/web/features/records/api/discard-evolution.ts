import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '#web/lib/api-client.ts';
import { evolutionQueryKey } from './get-evolution';
import { patientRecordQueryKey } from './get-patient-record';

/** Throws away a draft (never a signed entry). */
export function discardEvolution(id: string, version: number): Promise<void> {
  return apiFetch<void>(`/api/evolutions/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' });
}

export function useDiscardEvolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number; patientId: string }) => discardEvolution(id, version),
    onSuccess: (_data, { id, patientId }) => {
      queryClient.removeQueries({ queryKey: evolutionQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: patientRecordQueryKey(patientId) });
    },
  });
}
