import type { QueryClient } from '@tanstack/react-query';
import { evolutionQueryKey } from '../api/get-evolution';
import { saveEvolution } from '../api/save-evolution';
import { AutosaveQueue } from '../model/autosave-queue';
import type { SaveStatus } from '../model/autosave-queue';
import { toSaveInput } from '../model/evolution-form';
import type { EvolutionFormValues } from '../model/evolution-form';
import { browserStorage, clearBackup, writeBackup } from '../model/local-backup';

interface Entry {
  queue: AutosaveQueue<EvolutionFormValues>;
  users: number;
  latest: EvolutionFormValues;
  listener: ((status: SaveStatus) => void) | null;
}

/**
 * One save queue per entry on this page, shared by whoever edits it: an editor that unmounts and
 * mounts again (the call panel closed and reopened, React's development double mount) keeps the
 * same queue, so two saves of one entry never race each other.
 */
const live = new Map<string, Entry>();

export function acquireQueue(id: string, version: number, latest: EvolutionFormValues, queryClient: QueryClient, listener: (status: SaveStatus) => void): { queue: AutosaveQueue<EvolutionFormValues>; created: boolean } {
  const existing = live.get(id);
  if (existing) {
    existing.users += 1;
    existing.listener = listener;
    return { queue: existing.queue, created: false };
  }
  const storage = browserStorage();
  const entry: Entry = {
    users: 1,
    latest,
    listener,
    queue: new AutosaveQueue<EvolutionFormValues>({
      version,
      save: async (snapshot, v) => {
        const saved = await saveEvolution(id, toSaveInput(snapshot, v));
        queryClient.setQueryData(evolutionQueryKey(id), saved);
        return saved.version;
      },
      onStatus: (status) => entry.listener?.(status),
      onSaved: (_snapshot, v, upToDate) => {
        if (upToDate) clearBackup(storage, id);
        else writeBackup(storage, id, { baseVersion: v, editedAt: Date.now(), values: entry.latest });
      },
    }),
  };
  live.set(id, entry);
  return { queue: entry.queue, created: true };
}

/** Remembers the newest values (written to the local copy when a save leaves edits behind). */
export function noteLatest(id: string, values: EvolutionFormValues): void {
  const entry = live.get(id);
  if (entry) entry.latest = values;
}

/** The editor left: send what is pending; stop once no editor uses the queue any more. */
export function releaseQueue(id: string): void {
  const entry = live.get(id);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.listener = null;
  void entry.queue.flush().finally(() => {
    if (entry.users === 0 && live.get(id) === entry) {
      entry.queue.dispose();
      live.delete(id);
    }
  });
}

/** Signed or discarded: no more saves for this entry. */
export function stopQueue(id: string): void {
  const entry = live.get(id);
  entry?.queue.dispose();
  live.delete(id);
}
