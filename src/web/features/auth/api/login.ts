import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** Signs in; the server answers with the person and sets the session cookie. */
export function login(input: LoginInput): Promise<Me> {
  return apiFetch<Me>('/api/auth/login', { method: 'POST', body: input });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached from a previous person may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
