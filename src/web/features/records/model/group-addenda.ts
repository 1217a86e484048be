import type { Evolution } from '#shared/schemas/records.ts';

/** An entry with the addenda that correct it (oldest first). */
export interface EntryWithAddenda {
  entry: Evolution;
  addenda: Evolution[];
}

function whenOf(e: Evolution): string {
  return e.finalizedAt ?? e.createdAt;
}

/**
 * Puts each addendum under the entry it corrects, keeping the entries in the order given
 * (newest first). An addendum whose entry is not in the list stands on its own.
 */
export function groupAddenda(evolutions: readonly Evolution[]): EntryWithAddenda[] {
  const ids = new Set(evolutions.filter((e) => e.kind !== 'addendum').map((e) => e.id));
  const byEntry = new Map<string, Evolution[]>();
  const groups: EntryWithAddenda[] = [];
  for (const e of evolutions) {
    if (e.kind === 'addendum' && e.amendsId && ids.has(e.amendsId)) {
      const list = byEntry.get(e.amendsId) ?? [];
      list.push(e);
      byEntry.set(e.amendsId, list);
    }
  }
  for (const e of evolutions) {
    if (e.kind === 'addendum' && e.amendsId && ids.has(e.amendsId)) continue;
    const addenda = [...(byEntry.get(e.id) ?? [])].sort((a, b) => whenOf(a).localeCompare(whenOf(b)));
    groups.push({ entry: e, addenda });
  }
  return groups;
}
