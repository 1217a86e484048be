import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { userQueryKey } from './get-user';

/** A fresh single-use invite link; earlier links stop working. 409 already_activated. */
export function renewUserInvite(id: string): Promise<InviteLink> {
  return apiFetch<InviteLink>(`/api/users/${encodeURIComponent(id)}/invite`, { method: 'POST' });
}

export function useRenewUserInvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => renewUserInvite(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
