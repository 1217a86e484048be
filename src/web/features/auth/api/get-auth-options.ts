import { useQuery } from '@tanstack/react-query';
import type { AuthOptions } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** What this clinic's server offers before sign-in (e-mailed links for a new password, or not). */
export function getAuthOptions(): Promise<AuthOptions> {
  return apiFetch<AuthOptions>('/api/auth/options');
}

export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: getAuthOptions, staleTime: Infinity });
}
