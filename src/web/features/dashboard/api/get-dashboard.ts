import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '#shared/schemas/dashboard.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** The figures on the signed-in person's home screen (shape depends on the role). */
export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return apiFetch<Dashboard>('/api/dashboard', { signal });
}

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => getDashboard(signal) });
}
