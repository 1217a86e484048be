import { useQuery } from '@tanstack/react-query';
import type { Evolution, RoomEvolution } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { formValuesFrom, isEmptyForm } from '#web/features/records/model/evolution-form.ts';

export const roomEvolutionQueryKey = (code: string) => ['room-evolution', code] as const;

/** The doctor's entry written in this call (draft or signed), or null. */
export function getRoomEvolution(code: string, signal?: AbortSignal): Promise<RoomEvolution> {
  return apiFetch<RoomEvolution>(`/api/rooms/${encodeURIComponent(code)}/evolution`, { signal });
}

export function useRoomEvolution(code: string) {
  return useQuery({ queryKey: roomEvolutionQueryKey(code), queryFn: ({ signal }) => getRoomEvolution(code, signal), staleTime: 0 });
}

/** A draft with something written in it: what "Finalizar consulta" must not let slip by. An empty one (notes opened, nothing typed) is not worth a question. */
export function unsignedDraftIn(result: RoomEvolution | undefined): Evolution | null {
  const entry = result?.evolution;
  return entry && entry.status === 'draft' && !isEmptyForm(formValuesFrom(entry)) ? entry : null;
}
