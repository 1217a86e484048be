import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoomInput, Room } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** The doctor opens a room for one of their patients. */
export function createRoom(input: CreateRoomInput): Promise<Room> {
  return apiFetch<Room>('/api/rooms', { method: 'POST', body: input });
}

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoom,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
