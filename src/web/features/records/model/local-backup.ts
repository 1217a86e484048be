import { PERSONAL_PREFIX } from '#web/lib/personal-storage.ts';
import { isBlankRow } from './evolution-form';
import type { EvolutionFormValues } from './evolution-form';

/** An unsent copy of the editor kept on this device, so nothing is lost to a reload or a dropped connection. */
export interface LocalBackup {
  /** The server version the edits were made on top of. */
  baseVersion: number;
  /** When the doctor last typed (ms since epoch). */
  editedAt: number;
  values: EvolutionFormValues;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Personal data: wiped at logout (see personal-storage.ts).
const PREFIX = `${PERSONAL_PREFIX}evolution-draft:`;

export function backupKey(evolutionId: string): string {
  return `${PREFIX}${evolutionId}`;
}

/**
 * Where a tab that hit a version conflict parks its text: the shared backup key may be
 * overwritten and cleared by another tab of the same entry, this one is not.
 */
export function conflictKey(evolutionId: string): string {
  return `${PERSONAL_PREFIX}evolution-conflict:${evolutionId}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringRecordArray(v: unknown): v is Record<string, string>[] {
  return Array.isArray(v) && v.every((row) => isRecord(row) && Object.values(row).every((x) => typeof x === 'string'));
}

/** Parses what was stored, or null when it is missing or not ours. */
export function parseBackup(text: string | null): LocalBackup | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || typeof data.baseVersion !== 'number' || typeof data.editedAt !== 'number' || !isRecord(data.values)) return null;
  const { content, diagnoses, prescriptions } = data.values;
  if (!isRecord(content) || !Object.values(content).every((x) => typeof x === 'string')) return null;
  if (!isStringRecordArray(diagnoses) || !isStringRecordArray(prescriptions)) return null;
  return data as unknown as LocalBackup;
}

/** Reads the backup of one entry (or, with `key`, its conflict copy); storage errors count as "none". */
export function readBackup(storage: KeyValueStore | null, evolutionId: string, key = backupKey): LocalBackup | null {
  try {
    return parseBackup(storage?.getItem(key(evolutionId)) ?? null);
  } catch {
    return null;
  }
}

export function writeBackup(storage: KeyValueStore | null, evolutionId: string, backup: LocalBackup, key = backupKey): void {
  try {
    storage?.setItem(key(evolutionId), JSON.stringify(backup));
  } catch {
    // Full or blocked storage: the server copy is all we have; nothing better to do here.
  }
}

export function clearBackup(storage: KeyValueStore | null, evolutionId: string, key = backupKey): void {
  try {
    storage?.removeItem(key(evolutionId));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

/** The browser's localStorage, or null where it is unavailable. */
export function browserStorage(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * What to start the editor with:
 * - "server": no local copy, or it says the same as the server;
 * - "restore": the local copy was written on top of the server's current version (or a later
 *   one), so it holds edits the server never got: show it and save it;
 * - "ask": the server changed after the local copy was made (another tab or device): the doctor chooses.
 */
export function chooseStart(
  server: { version: number; values: EvolutionFormValues },
  backup: LocalBackup | null,
  same: (a: EvolutionFormValues, b: EvolutionFormValues) => boolean,
): 'server' | 'restore' | 'ask' {
  if (!backup) return 'server';
  if (same(backup.values, server.values)) return 'server';
  const hasText =
    Object.values(backup.values.content).some((v) => v.trim() !== '') ||
    backup.values.diagnoses.some((r) => !isBlankRow(r)) ||
    backup.values.prescriptions.some((r) => !isBlankRow(r));
  if (!hasText && backup.baseVersion < server.version) return 'server';
  return backup.baseVersion >= server.version ? 'restore' : 'ask';
}
