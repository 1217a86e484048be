import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedUser, CreateUserInput } from '#shared/schemas/users.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Creates a doctor or patient account and its first invite link. */
export function createUser(input: CreateUserInput): Promise<CreatedUser> {
  return apiFetch<CreatedUser>('/api/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['doctor-options'] });
    },
  });
}
