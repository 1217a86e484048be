import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Backup, BackupList } from '#shared/schemas/backups.ts';
import { apiFetch } from '#web/lib/api-client.ts';

/** The backups list sits under this key; making or deleting one refreshes it. */
export const backupsQueryKey = ['backups'] as const;

/** Admin: the backups in BACKUP_DIR, newest first, and the daily-backup settings. */
export function getBackups(signal?: AbortSignal): Promise<BackupList> {
  return apiFetch<BackupList>('/api/backups', { signal });
}

export function useBackups() {
  return useQuery({ queryKey: backupsQueryKey, queryFn: ({ signal }) => getBackups(signal) });
}

/** Admin: a verified backup of the live database, made now. */
export function createBackup(): Promise<Backup> {
  return apiFetch<Backup>('/api/backups', { method: 'POST' });
}

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createBackup, onSettled: () => queryClient.invalidateQueries({ queryKey: backupsQueryKey }) });
}

export function deleteBackup(name: string): Promise<void> {
  return apiFetch<void>(`/api/backups/${encodeURIComponent(name)}`, { method: 'DELETE' });
}

export function useDeleteBackup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteBackup, onSettled: () => queryClient.invalidateQueries({ queryKey: backupsQueryKey }) });
}

/** The file itself (the browser downloads it: the server sends it as an attachment). */
export const backupDownloadUrl = (name: string) => `/api/backups/${encodeURIComponent(name)}/download`;
