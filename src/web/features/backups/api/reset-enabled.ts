import { useQuery } from '@tanstack/react-query';
import type { ResetPreview } from '#shared/schemas/reset.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** GET /api/reset sits under this key (the reset screen, the menu and the dashboard's card). */
export const resetQueryKey = ['reset'] as const;

/** Admin: whether the reset is on, what it would erase and keep, and the resets made before. */
export function getResetPreview(signal?: AbortSignal): Promise<ResetPreview> {
  return apiFetch<ResetPreview>('/api/reset', { signal });
}

/**
 * Only whether the reset is offered (RESET_ENABLED), for the menu and the dashboard's card:
 * the setting doesn't change while the server runs, so one answer per visit is enough. Kept
 * apart from api/reset so the menu (in every page's first download) carries only this.
 */
export function useResetEnabled(active = true): boolean {
  const query = useQuery({
    queryKey: resetQueryKey,
    queryFn: ({ signal }) => getResetPreview(signal),
    staleTime: Infinity,
    enabled: active,
    select: (d) => d.enabled,
  });
  return query.data === true;
}
