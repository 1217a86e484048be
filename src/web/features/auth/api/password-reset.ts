import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, PasswordResetInfo } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** Whose new-password link this is; 404 reset_invalid, 410 reset_expired / reset_used. */
export function getPasswordReset(token: string): Promise<PasswordResetInfo> {
  return apiFetch<PasswordResetInfo>(`/api/password-resets/${encodeURIComponent(token)}`);
}

export function usePasswordReset(token: string, enabled: boolean) {
  return useQuery({ queryKey: ['password-reset', token], queryFn: () => getPasswordReset(token), enabled, staleTime: Infinity });
}

/** Sets the new password through the link; every other session ends and this browser is signed in. */
export function completePasswordReset(token: string, password: string): Promise<Me> {
  return apiFetch<Me>(`/api/password-resets/${encodeURIComponent(token)}`, { method: 'POST', body: { password } });
}

export function useCompletePasswordReset(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => completePasswordReset(token, password),
    onSuccess: (me) => {
      // Keep the link's own query: fetching it again would only say "already used".
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'password-reset' });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
