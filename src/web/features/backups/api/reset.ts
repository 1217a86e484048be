import { useMutation, useQuery } from '@tanstack/react-query';
import type { ResetResult } from '#shared/schemas/reset.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { getResetPreview, resetQueryKey } from './reset-enabled';

/** The screen's figures: always asked again when it opens, since they change with every call. */
export function useResetPreview() {
  return useQuery({ queryKey: resetQueryKey, queryFn: ({ signal }) => getResetPreview(signal), staleTime: 0 });
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
