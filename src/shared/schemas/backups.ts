import { z } from 'zod';

/** A backup as the admin's "Backups" screen lists it. */
export const backupSchema = z.object({
  name: z.string(),
  kind: z.enum(['sqlite', 'postgres']),
  /** manual: the admin's button; daily: BACKUP_DAILY; cli: npm run db:backup; reset: made before a reset. */
  trigger: z.enum(['manual', 'daily', 'cli', 'reset']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schemaVersion: z.string(),
  counts: z.record(z.string(), z.number().int()),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupListSchema = z.object({ items: z.array(backupSchema), daily: z.boolean(), keep: z.number().int() });
export type BackupList = z.infer<typeof backupListSchema>;

/**
 * The names the app gives backups, and the only ones it will read, download or delete: a name
 * from a request that does not match is refused before it touches the file system (no traversal).
 */
export const BACKUP_NAME = /^medconnect-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{6}\.(sqlite|dump)$/;

export const backupNameParamSchema = z.object({ name: z.string().regex(BACKUP_NAME, { message: 'Backup não encontrado.' }) });
