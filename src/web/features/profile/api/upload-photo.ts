import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** Largest photo the server accepts (it re-encodes it and strips metadata). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Uploads a new profile photo as multipart field "photo". */
export function uploadPhoto(file: File): Promise<Me> {
  const body = new FormData();
  body.append('photo', file);
  return apiFetch<Me>('/api/me/photo', { method: 'PUT', body });
}

export function useUploadPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPhoto,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
