import { useQuery } from '@tanstack/react-query';
import type { Addenda } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { evolutionQueryKey } from './get-evolution';

/** Under the entry's key: signing an addendum invalidates its entry, and with it this list. */
export const addendaQueryKey = (id: string) => [...evolutionQueryKey(id), 'addenda'] as const;

/** The addenda that correct an entry, oldest first (the doctor's own drafts included). */
export function getAddenda(id: string, signal?: AbortSignal): Promise<Addenda> {
  return apiFetch<Addenda>(`/api/evolutions/${encodeURIComponent(id)}/addenda`, { signal });
}

export function useAddenda(id: string) {
  return useQuery({ queryKey: addendaQueryKey(id), queryFn: ({ signal }) => getAddenda(id, signal) });
}
