import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Room } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { roomQueryKey } from './get-room';

/** Cancels a room where no call happened (409 consultation_happened otherwise). */
export function cancelRoom(code: string): Promise<Room> {
  return apiFetch<Room>(`/api/rooms/${encodeURIComponent(code)}/cancel`, { method: 'POST' });
}

export function useCancelRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRoom,
    onSuccess: (room) => {
      queryClient.setQueryData(roomQueryKey(room.code), room);
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
    },
  });
}
