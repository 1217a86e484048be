import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '#shared/schemas/auth.ts';
import type { DoctorProfileInput, PatientProfileInput } from '#shared/schemas/profile.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { meQueryKey } from '#web/lib/get-me.ts';

/** What each role may change about themselves. */
export type ProfileInput = { name: string } | DoctorProfileInput | PatientProfileInput;

/** Saves the signed-in person's own profile. */
export function updateProfile(input: ProfileInput): Promise<Me> {
  return apiFetch<Me>('/api/me/profile', { method: 'PATCH', body: input });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // The dashboard's "missing profile" banner depends on it.
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
