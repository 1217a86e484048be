import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { liveConnection } from '../../../lib/live-notices';
import { forgetPersonalData } from '../../../lib/personal-storage';
import { meQueryKey } from '../../../lib/get-me';

/** Ends the session on the server. */
export function logout(): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Closed first: the server ends this session's sockets on logout, and that is not news to us.
    onMutate: () => liveConnection.stop(),
    // Even if the call fails (already expired), forget everything locally.
    onSettled: () => {
      queryClient.clear();
      forgetPersonalData();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
