import { describe, expect, it } from 'vitest';
import { sameSavedContent } from './evolution-form';
import type { EvolutionFormValues } from './evolution-form';
import { backupKey, chooseStart, clearBackup, parseBackup, readBackup, writeBackup } from './local-backup';

function form(notes: string): EvolutionFormValues {
  return { content: { complaint: '', history: '', exam: '', plan: '', notes }, diagnoses: [], prescriptions: [] };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('local backup', () => {
  it('round-trips through storage under a key per entry', () => {
    const storage = memoryStorage();
    writeBackup(storage, 'e1', { baseVersion: 2, editedAt: 10, values: form('oi') });
    expect(storage.map.has(backupKey('e1'))).toBe(true);
    expect(readBackup(storage, 'e1')?.values.content.notes).toBe('oi');
    expect(readBackup(storage, 'e2')).toBeNull();
    clearBackup(storage, 'e1');
    expect(readBackup(storage, 'e1')).toBeNull();
  });

  it('ignores broken or foreign data and failing storage', () => {
    expect(parseBackup('{')).toBeNull();
    expect(parseBackup('{"baseVersion":1}')).toBeNull();
    expect(parseBackup(JSON.stringify({ baseVersion: 1, editedAt: 1, values: { content: { notes: 3 }, diagnoses: [], prescriptions: [] } }))).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(readBackup(broken, 'e1')).toBeNull();
    expect(() => writeBackup(broken, 'e1', { baseVersion: 1, editedAt: 1, values: form('x') })).not.toThrow();
  });

  it('restores unsent edits made on the current server version', () => {
    const server = { version: 3, values: form('antes') };
    expect(chooseStart(server, null, sameSavedContent)).toBe('server');
    expect(chooseStart(server, { baseVersion: 3, editedAt: 1, values: form('antes') }, sameSavedContent)).toBe('server');
    expect(chooseStart(server, { baseVersion: 3, editedAt: 1, values: form('antes e depois') }, sameSavedContent)).toBe('restore');
  });

  it('asks when the server changed after the local copy was made', () => {
    const server = { version: 5, values: form('de outra aba') };
    expect(chooseStart(server, { baseVersion: 3, editedAt: 1, values: form('deste aparelho') }, sameSavedContent)).toBe('ask');
    expect(chooseStart(server, { baseVersion: 3, editedAt: 1, values: form('') }, sameSavedContent)).toBe('server');
  });
});
