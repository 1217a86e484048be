import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What a backup's manifest (`<file>.json`, beside it) says about it. */
export const backupManifestSchema = z.object({
  name: z.string(),
  kind: z.enum(['sqlite', 'postgres']),
  trigger: z.enum(['manual', 'daily', 'cli', 'reset']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The last migration applied to the database it copies: a restore refuses a newer one. */
  schemaVersion: z.string(),
  /** Rows of the main tables in the copy (SQLite: counted in the copy; PostgreSQL: in the database as it was dumped). */
  counts: z.record(z.string(), z.number().int()),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/**
 * Names the app writes, and the only ones it will read, download or delete: a name from a
 * request that does not match is refused before it touches the file system (no traversal).
 */
const NAME = /^medconnect-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{6}\.(sqlite|dump)$/;

export function isBackupName(name: string): boolean {
  return NAME.test(name);
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
