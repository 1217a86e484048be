import { useQuery } from '@tanstack/react-query';
import type { UserDetail } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const userQueryKey = (id: string) => ['user', id] as const;

/** One person in full, for the admin's edit page. */
export function getUser(id: string, signal?: AbortSignal): Promise<UserDetail> {
  return apiFetch<UserDetail>(`/api/users/${encodeURIComponent(id)}`, { signal });
}

export function useUser(id: string) {
  return useQuery({ queryKey: userQueryKey(id), queryFn: ({ signal }) => getUser(id, signal) });
}
