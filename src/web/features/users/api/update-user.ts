import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput, UserDetail } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { userQueryKey } from './get-user';

/** Saves the admin's edits to a doctor or patient. */
export function updateUser(id: string, input: UpdateUserInput): Promise<UserDetail> {
  return apiFetch<UserDetail>(`/api/users/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateUser(id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(userQueryKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['doctor-options'] });
    },
  });
}
