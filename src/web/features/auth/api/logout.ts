import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '#web/lib/api-client.ts';
import { liveConnection } from '#web/lib/live-notices.ts';
import { forgetPersonalData } from '#web/lib/personal-storage.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

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
