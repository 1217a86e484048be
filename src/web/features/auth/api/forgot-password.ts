import { useMutation } from '@tanstack/react-query';
import type { ForgotPasswordInput } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Asks for a new-password link by e-mail; the answer is the same whether the e-mail has an account. */
export function forgotPassword(input: ForgotPasswordInput): Promise<{ ok: true }> {
  return apiFetch<{ ok: true }>('/api/auth/forgot-password', { method: 'POST', body: input });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
