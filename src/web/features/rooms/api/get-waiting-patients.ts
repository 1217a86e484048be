import { useQuery } from '@tanstack/react-query';
import type { WaitingPatients } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** Under the rooms' key: refreshing the rooms (a `waiting:changed` notice) refreshes this too. */
export const waitingPatientsQueryKey = ['rooms', 'waiting'] as const;

/** The doctor's patients waiting for them now, the longest waiting first. */
export function getWaitingPatients(signal?: AbortSignal): Promise<WaitingPatients> {
  return apiFetch<WaitingPatients>('/api/rooms/waiting', { signal });
}

/** Asked when a page loads and whenever the tab's connection comes (back) up; live notices keep it fresh in between. */
export function useWaitingPatients(enabled: boolean) {
  return useQuery({ queryKey: waitingPatientsQueryKey, queryFn: ({ signal }) => getWaitingPatients(signal), enabled });
}
