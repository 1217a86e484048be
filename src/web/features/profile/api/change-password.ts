import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Changes the signed-in person's password (the current one is required). */
export function changePassword(input: ChangePasswordInput): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>('/api/auth/password', { method: 'POST', body: input });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
