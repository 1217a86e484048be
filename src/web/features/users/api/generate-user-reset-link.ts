import { useMutation } from '@tanstack/react-query';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** A 24-hour, single-use link for this person to choose a new password; earlier links stop working. */
export function generateUserResetLink(id: string): Promise<InviteLink> {
  return apiFetch<InviteLink>(`/api/users/${encodeURIComponent(id)}/password-reset-link`, { method: 'POST' });
}

export function useGenerateUserResetLink(id: string) {
  return useMutation({ mutationFn: () => generateUserResetLink(id) });
}
