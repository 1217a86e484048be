import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_NAME, type Backup, backupSchema } from '#shared/schemas/backups.ts';

/** What a backup's manifest (`<file>.json`, beside it) says about it: the same shape the admin's list shows. */
export const backupManifestSchema = backupSchema;
export type BackupManifest = Backup;

export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

export function newBackupName(kind: 'sqlite' | 'postgres', at = new Date()): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `medconnect-${stamp}Z-${randomBytes(3).toString('hex')}.${kind === 'sqlite' ? 'sqlite' : 'dump'}`;
}

export function backupPath(dir: string, name: string): string {
  if (!isBackupName(name)) throw new Error(`not a backup name: ${name}`);
  return path.join(dir, name);
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const file = `${backupPath(dir, manifest.name)}.json`;
  await fs.promises.writeFile(`${file}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.promises.rename(`${file}.partial`, file);
}

export async function readManifest(dir: string, name: string): Promise<BackupManifest | null> {
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(await fs.promises.readFile(`${backupPath(dir, name)}.json`, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every backup with a readable manifest whose file is there, newest first. */
export async function listManifests(dir: string): Promise<BackupManifest[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const found: BackupManifest[] = [];
  for (const name of names.filter(isBackupName)) {
    const manifest = await readManifest(dir, name);
    if (manifest) found.push(manifest);
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}
