import type { Evolution, SaveEvolutionInput } from '#shared/schemas/records.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Autosave of a draft. 409 version_conflict when another tab saved first; 409 evolution_final once signed. */
export function saveEvolution(id: string, input: SaveEvolutionInput & { version: number }): Promise<Evolution> {
  return apiFetch<Evolution>(`/api/evolutions/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}
