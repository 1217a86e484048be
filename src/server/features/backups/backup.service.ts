import fs from 'node:fs';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { AppError, notFound } from '#server/errors.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { type BackupManifest, backupPath, listManifests, newBackupName, readManifest, sha256OfFile, writeManifest } from './backup-files';
import { countPostgres, dumpPostgres, verifyPostgresDump } from './pg-backup';
import { copySqlite, verifySqliteCopy } from './sqlite-backup';

type Who = { id: string; name: string; ip?: string | null } | null;

const WRITE_ERRORS = new Set(['ENOSPC', 'EACCES', 'EROFS', 'EPERM', 'EDQUOT', 'ENOTDIR']);

const writeFailed = () =>
  new AppError('backup_write_failed', 507, 'Não foi possível gravar o backup na pasta de backups (sem espaço ou sem permissão). Nada foi alterado.');

/** True when the error is the disk refusing the write (full, read-only, no permission), however deep it was raised. */
function isWriteError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === 'string' && WRITE_ERRORS.has(e.code)) return true;
  // SQLite reports VACUUM INTO a directory it can't write as SQLITE_CANTOPEN / SQLITE_READONLY / SQLITE_FULL.
  return typeof e?.code === 'string' && /^SQLITE_(CANTOPEN|READONLY|FULL|IOERR)/.test(e.code);
}

/**
 * A consistent backup of the live database, checked before it counts: written under a temporary
 * name, opened and verified (SQLite: integrity_check and row counts in the copy; PostgreSQL: the
 * dump's table of contents), checksummed, then renamed into place with its manifest. Photos live
 * in the database (ADR 004), so the file is the whole clinic. Throws, leaving nothing behind, when
 * any step fails.
 */
export async function createBackup(db: Db, config: Config, trigger: BackupManifest['trigger'], who: Who): Promise<BackupManifest> {
  const dir = config.backups.dir;
  const kind = config.database.kind;
  const name = newBackupName(kind);
  const file = backupPath(dir, name);
  const partial = `${file}.partial`;
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    let checked: { schemaVersion: string; counts: Record<string, number> };
    if (config.database.kind === 'sqlite') {
      await copySqlite(db, partial);
      checked = verifySqliteCopy(partial);
    } else {
      checked = await countPostgres(db);
      await dumpPostgres(config.database.url, partial);
      await verifyPostgresDump(partial);
    }
    const [sha256, stat] = await Promise.all([sha256OfFile(partial), fs.promises.stat(partial)]);
    await fs.promises.rename(partial, file);
    const manifest: BackupManifest = {
      name,
      kind,
      trigger,
      createdAt: new Date().toISOString(),
      createdBy: who?.name ?? null,
      sizeBytes: stat.size,
      sha256,
      ...checked,
    };
    await writeManifest(dir, manifest);
    await recordAudit(db, {
      actorId: who?.id ?? null,
      action: 'backup.created',
      entityType: 'backup',
      entityId: null,
      details: { name, trigger, sizeBytes: stat.size, sha256 },
      ip: who?.ip ?? null,
    });
    return manifest;
  } catch (error) {
    await fs.promises.rm(partial, { force: true }).catch(() => undefined);
    await fs.promises.rm(file, { force: true }).catch(() => undefined);
    if (error instanceof AppError) throw error;
    if (isWriteError(error)) throw writeFailed();
    throw error;
  }
}

export async function listBackups(config: Config): Promise<BackupManifest[]> {
  return listManifests(config.backups.dir);
}

/** The file of a backup the app made, for download; 404 for any other name. */
export async function backupFile(config: Config, name: string): Promise<{ file: string; manifest: BackupManifest }> {
  const manifest = await readManifest(config.backups.dir, name);
  const file = backupPath(config.backups.dir, name);
  if (!manifest || !fs.existsSync(file)) throw notFound('Backup não encontrado.');
  return { file, manifest };
}

/** A backup on its way out of the system: the whole clinic, medical records included, so it is audited first. */
export async function downloadBackup(db: Db, config: Config, name: string, who: Who): Promise<{ file: string; manifest: BackupManifest }> {
  const found = await backupFile(config, name);
  await recordAudit(db, {
    actorId: who?.id ?? null,
    action: 'backup.downloaded',
    entityType: 'backup',
    entityId: null,
    details: { name, sha256: found.manifest.sha256 },
    ip: who?.ip ?? null,
  });
  return found;
}

export async function deleteBackup(db: Db, config: Config, name: string, who: Who): Promise<void> {
  const { file } = await backupFile(config, name);
  await fs.promises.rm(file, { force: true });
  await fs.promises.rm(`${file}.json`, { force: true });
  await recordAudit(db, { actorId: who?.id ?? null, action: 'backup.deleted', entityType: 'backup', entityId: null, details: { name }, ip: who?.ip ?? null });
}

/** Keeps the newest `keep` daily backups; manual, CLI and pre-reset ones are never pruned. */
export async function pruneDailyBackups(config: Config): Promise<string[]> {
  const daily = (await listManifests(config.backups.dir)).filter((m) => m.trigger === 'daily');
  const removed: string[] = [];
  for (const m of daily.slice(config.backups.keep)) {
    const file = backupPath(config.backups.dir, m.name);
    await fs.promises.rm(file, { force: true });
    await fs.promises.rm(`${file}.json`, { force: true });
    removed.push(m.name);
  }
  return removed;
}
