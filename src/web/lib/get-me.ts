import { useQuery } from '@tanstack/react-query';
import type { Me } from '#shared/schemas/auth.ts';
import { apiFetch } from './api-client';
import { ApiError } from './api-error';

export const meQueryKey = ['me'] as const;

/** The signed-in person, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The session everyone's screens depend on; null means "go to /entrar". */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

/**
 * The session only if some page already loaded it. Public pages use this so a signed-out
 * visitor's browser does not log a 401 just for opening the login page.
 */
export function useCachedMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, enabled: false });
}
