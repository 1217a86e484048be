import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { patientQueryKey } from './get-patient';

/** A fresh invite link for a patient who has not set a password yet. */
export function renewPatientInvite(id: string): Promise<InviteLink> {
  return apiFetch<InviteLink>(`/api/patients/${encodeURIComponent(id)}/invite`, { method: 'POST' });
}

export function useRenewPatientInvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => renewPatientInvite(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: patientQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
