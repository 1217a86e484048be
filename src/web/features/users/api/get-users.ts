import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '#shared/permissions.ts';
import type { UserStatus } from '#shared/schemas/common.ts';
import type { UserList } from '#shared/schemas/users.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';

export interface UserListQuery {
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  page: number;
  pageSize: number;
}

/** One page of users for the admin, filtered by role, status and a search text. */
export function getUsers(query: UserListQuery, signal?: AbortSignal): Promise<UserList> {
  return apiFetch<UserList>(`/api/users${queryString({ ...query })}`, { signal });
}

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: ({ signal }) => getUsers(query, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
