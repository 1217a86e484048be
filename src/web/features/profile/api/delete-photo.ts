import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** Removes the profile photo; initials are shown instead. */
export function deletePhoto(): Promise<Me> {
  return apiFetch<Me>('/api/me/photo', { method: 'DELETE' });
}

export function useDeletePhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePhoto,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
