import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { forgetPersonalData } from '../../../lib/personal-storage';
import { meQueryKey } from './get-me';

/** Ends the session on the server. */
export function logout(): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Closed first: the server ends this session's sockets on logout, and that is not news to us.
    // (The connection's code loads after sign-in; by the time anyone signs out it is there.)
    onMutate: () =>
      import('../../../lib/app-socket').then(
        ({ appSocket }) => appSocket.stop(),
        () => undefined,
      ),
    // Even if the call fails (already expired), forget everything locally.
    onSettled: () => {
      queryClient.clear();
      forgetPersonalData();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
