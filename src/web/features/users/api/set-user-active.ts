import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserDetail } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { userQueryKey } from './get-user';

/** Deactivates (cannot sign in any more, sessions end) or reactivates an account. */
export function setUserActive(id: string, active: boolean): Promise<UserDetail> {
  const action = active ? 'reactivate' : 'deactivate';
  return apiFetch<UserDetail>(`/api/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

export function useSetUserActive(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (active: boolean) => setUserActive(id, active),
    onSuccess: (detail) => {
      queryClient.setQueryData(userQueryKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['doctor-options'] });
    },
  });
}
