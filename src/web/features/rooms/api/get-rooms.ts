import { useQuery } from '@tanstack/react-query';
import type { Room, RoomStatus } from '#shared/schemas/rooms.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';

export interface RoomListQuery {
  status?: RoomStatus | undefined;
  patientId?: string | undefined;
}

/** The signed-in person's rooms (a doctor's or a patient's), newest first. */
export function getRooms(query: RoomListQuery, signal?: AbortSignal): Promise<Room[]> {
  return apiFetch<Room[]>(`/api/rooms${queryString({ status: query.status, patientId: query.patientId })}`, { signal });
}

export const roomsQueryKey = (query: RoomListQuery) => ['rooms', query] as const;

/** Rooms; `refetchMs` keeps presence ("Seu médico já está na sala") fresh. */
export function useRooms(query: RoomListQuery, options: { refetchMs?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: roomsQueryKey(query),
    queryFn: ({ signal }) => getRooms(query, signal),
    refetchInterval: options.refetchMs ?? false,
    enabled: options.enabled ?? true,
  });
}
