import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../shared/schemas/auth';
import { apiFetch } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/get-me';

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
