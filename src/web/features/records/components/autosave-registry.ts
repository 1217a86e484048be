import type { QueryClient } from '@tanstack/react-query';
import type { Evolution } from '#shared/schemas/records.ts';
import { ApiError } from '#web/lib/api-error.ts';
import { evolutionQueryKey, getEvolution } from '#web/features/records/api/get-evolution.ts';
import { saveEvolution } from '#web/features/records/api/save-evolution.ts';
import { AutosaveQueue } from '#web/features/records/model/autosave-queue.ts';
import type { SaveStatus } from '#web/features/records/model/autosave-queue.ts';
import { formValuesFrom, sameSavedContent, toSaveInput } from '#web/features/records/model/evolution-form.ts';
import type { EvolutionFormValues } from '#web/features/records/model/evolution-form.ts';
import { browserStorage, clearBackup, conflictKey, writeBackup } from '#web/features/records/model/local-backup.ts';

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

export function acquireQueue(
  id: string,
  version: number,
  latest: EvolutionFormValues,
  queryClient: QueryClient,
  listener: (status: SaveStatus) => void,
): { queue: AutosaveQueue<EvolutionFormValues>; created: boolean } {
  const existing = live.get(id);
  if (existing && !existing.queue.isStopped) {
    existing.users += 1;
    existing.listener = listener;
    return { queue: existing.queue, created: false };
  }
  // A queue stopped by a conflict must not be handed to the editor that reloads after it.
  existing?.queue.dispose();
  const storage = browserStorage();
  /** What we sent on top of one version, to recognise our own save behind a version conflict. */
  let sent: { version: number; values: EvolutionFormValues[] } = { version, values: [] };
  /** After a 409 version_conflict: the server's version when it holds exactly a text we sent on top of `v`. */
  const ownSaveLanded = async (error: unknown, v: number): Promise<number | null> => {
    if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'version_conflict') return null;
    const server = await getEvolution(id).catch(() => null);
    if (!server || server.status !== 'draft' || server.version !== v + 1) return null;
    const values = formValuesFrom(server);
    return sent.values.some((mine) => sameSavedContent(mine, values)) ? server.version : null;
  };
  const entry: Entry = {
    users: 1,
    latest,
    listener,
    queue: new AutosaveQueue<EvolutionFormValues>({
      version,
      save: async (snapshot, v) => {
        if (sent.version !== v) sent = { version: v, values: [] };
        sent.values.push(snapshot);
        let saved: Evolution;
        try {
          saved = await saveEvolution(id, toSaveInput(snapshot, v));
        } catch (error) {
          const landed = await ownSaveLanded(error, v);
          if (!landed) throw error;
          // An earlier save of ours reached the server but its answer was lost: go on from there.
          saved = await saveEvolution(id, toSaveInput(snapshot, landed));
        }
        queryClient.setQueryData(evolutionQueryKey(id), saved);
        return saved.version;
      },
      onStatus: (status) => {
        if (status.kind === 'final') clearBackup(storage, id);
        // Another tab may overwrite or clear the shared backup: keep this tab's text apart.
        if (status.kind === 'conflict') writeBackup(storage, id, { baseVersion: entry.queue.version, editedAt: Date.now(), values: entry.latest }, conflictKey);
        entry.listener?.(status);
      },
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
export function releaseQueue(id: string, queue: AutosaveQueue<EvolutionFormValues>): void {
  const entry = live.get(id);
  // A queue already replaced (stopped by a conflict) was disposed when it was replaced.
  if (!entry || entry.queue !== queue) return;
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

/** Sends every entry's pending edits now (before "Finalizar consulta" asks whether a draft is left). */
export async function flushAllQueues(): Promise<void> {
  await Promise.all([...live.values()].map((entry) => entry.queue.flush()));
}
