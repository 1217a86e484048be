import { useMutation } from '@tanstack/react-query';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** The doctor's own patient: a 24-hour, single-use link to choose a new password. */
export function generatePatientResetLink(id: string): Promise<InviteLink> {
  return apiFetch<InviteLink>(`/api/patients/${encodeURIComponent(id)}/password-reset-link`, { method: 'POST' });
}

export function useGeneratePatientResetLink(id: string) {
  return useMutation({ mutationFn: () => generatePatientResetLink(id) });
}
