import { describe, expect, it } from 'vitest';
import { forgetPersonalData } from './personal-storage';

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('forgetPersonalData', () => {
  it('removes personal keys and keeps device preferences', () => {
    const storage = memoryStorage({ 'medconnect:evolution-draft:a': '{}', 'medconnect:evolution-draft:b': '{}', 'mc-camera': 'cam-1', other: 'x' });
    forgetPersonalData(storage);
    expect([...storage.map.keys()].sort()).toEqual(['mc-camera', 'other']);
  });
});
