import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessAction, AccessLog } from '#shared/schemas/records.ts';
import { apiFetch, queryString } from '#web/lib/api-client.ts';

export interface AccessLogFilters {
  patientId?: string | undefined;
  actorId?: string | undefined;
  action?: AccessAction | undefined;
  /** YYYY-MM-DD, clinic time zone, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Admin: who opened which record, and when (LGPD). */
export function getAccessLog(filters: AccessLogFilters, signal?: AbortSignal): Promise<AccessLog> {
  return apiFetch<AccessLog>(`/api/access-log${queryString({ ...filters })}`, { signal });
}

export function useAccessLog(filters: AccessLogFilters) {
  return useQuery({ queryKey: ['access-log', filters], queryFn: ({ signal }) => getAccessLog(filters, signal), placeholderData: keepPreviousData });
}

/** Patient: who opened my record. */
export function getMyAccessLog(page: number, signal?: AbortSignal): Promise<AccessLog> {
  return apiFetch<AccessLog>(`/api/me/access-log${queryString({ page })}`, { signal });
}

export function useMyAccessLog(page: number) {
  return useQuery({ queryKey: ['my-access-log', page], queryFn: ({ signal }) => getMyAccessLog(page, signal), placeholderData: keepPreviousData });
}
