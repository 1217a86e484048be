import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** Sets the password chosen through an invite; the person is signed in afterwards. */
export function acceptInvite(token: string, password: string): Promise<Me> {
  return apiFetch<Me>(`/api/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body: { password } });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => acceptInvite(token, password),
    onSuccess: (me) => {
      // Forget any earlier session's data, but not this invite: clearing a query that is still
      // on screen would fetch it again and get "already used".
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'invite' });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
