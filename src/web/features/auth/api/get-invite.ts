import { useQuery } from '@tanstack/react-query';
import type { InviteInfo } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Who an invite link is for; 404 invite_invalid, 410 invite_expired / invite_used. */
export function getInvite(token: string): Promise<InviteInfo> {
  return apiFetch<InviteInfo>(`/api/invites/${encodeURIComponent(token)}`);
}

export function useInvite(token: string, enabled: boolean) {
  return useQuery({ queryKey: ['invite', token], queryFn: () => getInvite(token), enabled, staleTime: Infinity });
}
