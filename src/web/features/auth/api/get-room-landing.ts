import { useQuery } from '@tanstack/react-query';
import type { RoomLanding } from '#shared/schemas/auth.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Whose consultation a room link is for, before sign-in; 404 room_link_invalid for an unknown code. */
export function getRoomLanding(code: string): Promise<RoomLanding> {
  return apiFetch<RoomLanding>(`/api/room-links/${encodeURIComponent(code)}`);
}

export function useRoomLanding(code: string, enabled: boolean) {
  return useQuery({ queryKey: ['room-landing', code], queryFn: () => getRoomLanding(code), enabled, staleTime: 60_000, retry: false });
}
