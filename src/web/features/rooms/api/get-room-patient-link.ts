import { useQuery } from '@tanstack/react-query';
import type { RoomPatientLink } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/**
 * The link the doctor sends for a room: for a patient without a password it carries a fresh
 * invite (which replaces earlier ones), so it is asked for once per opened dialog, never refetched.
 */
export function getRoomPatientLink(code: string): Promise<RoomPatientLink> {
  return apiFetch<RoomPatientLink>(`/api/rooms/${encodeURIComponent(code)}/patient-link`, { method: 'POST' });
}

export function useRoomPatientLink(code: string) {
  return useQuery({
    queryKey: ['room-patient-link', code],
    queryFn: () => getRoomPatientLink(code),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
