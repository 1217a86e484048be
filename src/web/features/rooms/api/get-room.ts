import { useQuery } from '@tanstack/react-query';
import type { Room } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const roomQueryKey = (code: string) => ['room', code] as const;

/** One room, for its doctor or its patient; anyone else gets 404 no_access. */
export function getRoom(code: string, signal?: AbortSignal): Promise<Room> {
  return apiFetch<Room>(`/api/rooms/${encodeURIComponent(code)}`, { signal });
}

export function useRoom(code: string, options: { refetchMs?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: roomQueryKey(code),
    queryFn: ({ signal }) => getRoom(code, signal),
    refetchInterval: options.refetchMs ?? false,
    enabled: options.enabled ?? true,
  });
}
