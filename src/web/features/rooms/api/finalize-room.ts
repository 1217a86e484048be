import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Room } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { roomQueryKey } from './get-room';

/** Closes a room for good and ends its consultation (idempotent). */
export function finalizeRoom(code: string): Promise<Room> {
  return apiFetch<Room>(`/api/rooms/${encodeURIComponent(code)}/finalize`, { method: 'POST' });
}

export function useFinalizeRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: finalizeRoom,
    onSuccess: (room) => {
      queryClient.setQueryData(roomQueryKey(room.code), room);
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
    },
  });
}
