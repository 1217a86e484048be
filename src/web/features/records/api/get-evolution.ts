import { useQuery } from '@tanstack/react-query';
import type { Evolution } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

export const evolutionQueryKey = (id: string) => ['evolution', id] as const;

/** One evolution entry (the doctor's own draft, or any final entry of their patient). */
export function getEvolution(id: string, signal?: AbortSignal): Promise<Evolution> {
  return apiFetch<Evolution>(`/api/evolutions/${encodeURIComponent(id)}`, { signal });
}

export function useEvolution(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: evolutionQueryKey(id), queryFn: ({ signal }) => getEvolution(id, signal), enabled: options.enabled ?? true });
}
