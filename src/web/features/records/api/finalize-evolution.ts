import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Evolution } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { evolutionQueryKey } from './get-evolution';
import { patientRecordQueryKey } from './get-patient-record';

/** Signs a draft: from now on it cannot change (corrections are addenda). 400 validation lists the fields to fix. */
export function finalizeEvolution(id: string, version: number): Promise<Evolution> {
  return apiFetch<Evolution>(`/api/evolutions/${encodeURIComponent(id)}/finalize`, { method: 'POST', body: { version } });
}

export function useFinalizeEvolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => finalizeEvolution(id, version),
    onSuccess: (evolution) => {
      queryClient.setQueryData(evolutionQueryKey(evolution.id), evolution);
      void queryClient.invalidateQueries({ queryKey: patientRecordQueryKey(evolution.patientId) });
      if (evolution.amendsId) void queryClient.invalidateQueries({ queryKey: evolutionQueryKey(evolution.amendsId) });
    },
  });
}
