import { useMutation, useQuery } from '@tanstack/react-query';
import type { ResetPreview, ResetResult } from '../../../../shared/schemas/reset';
import { apiFetch } from '../../../lib/api-client';

export const resetQueryKey = ['reset'] as const;

/** Admin: whether the reset is on, what it would erase and keep, and the resets made before. */
export function getResetPreview(signal?: AbortSignal): Promise<ResetPreview> {
  return apiFetch<ResetPreview>('/api/reset', { signal });
}

/** The screen's figures: always asked again when it opens, since they change with every call. */
export function useResetPreview() {
  return useQuery({ queryKey: resetQueryKey, queryFn: ({ signal }) => getResetPreview(signal), staleTime: 0 });
}

/**
 * Only whether the reset is offered (RESET_ENABLED), for the menu and the dashboard's card:
 * the setting doesn't change while the server runs, so one answer per visit is enough.
 */
export function useResetEnabled(active = true): boolean {
  const query = useQuery({ queryKey: resetQueryKey, queryFn: ({ signal }) => getResetPreview(signal), staleTime: Infinity, enabled: active, select: (d) => d.enabled });
  return query.data === true;
}

export interface ResetInput {
  confirmation: string;
  password: string;
}

/** Erases everything but the admins, after a verified backup. The caller clears the caches. */
export function resetDatabase(input: ResetInput): Promise<ResetResult> {
  return apiFetch<ResetResult>('/api/reset', { method: 'POST', body: input });
}

export function useResetDatabase() {
  return useMutation({ mutationFn: resetDatabase });
}
