import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evolution } from '#shared/schemas/records.ts';
import type { AutosaveQueue, SaveStatus } from '#web/features/records/model/autosave-queue.ts';
import { formValuesFrom, sameSavedContent } from '#web/features/records/model/evolution-form.ts';
import type { EvolutionFormValues } from '#web/features/records/model/evolution-form.ts';
import { browserStorage, chooseStart, clearBackup, conflictKey, readBackup, writeBackup } from '#web/features/records/model/local-backup.ts';
import type { LocalBackup } from '#web/features/records/model/local-backup.ts';
import { acquireQueue, noteLatest, releaseQueue, stopQueue } from './autosave-registry';

interface Start {
  version: number;
  values: EvolutionFormValues;
  restore: boolean;
  /** A local copy older than the server's version: the doctor decides. */
  recovery: LocalBackup | null;
}

function startFrom(evolution: Evolution): Start {
  const server = { version: evolution.version, values: formValuesFrom(evolution) };
  // A copy parked by a tab that hit a conflict is offered first (it is never newer than the server's).
  const backup = readBackup(browserStorage(), evolution.id, conflictKey) ?? readBackup(browserStorage(), evolution.id);
  const choice = chooseStart(server, backup, sameSavedContent);
  if (choice === 'restore' && backup) return { version: evolution.version, values: backup.values, restore: true, recovery: null };
  if (choice === 'server') {
    clearBackup(browserStorage(), evolution.id);
    clearBackup(browserStorage(), evolution.id, conflictKey);
  }
  return { version: evolution.version, values: server.values, restore: false, recovery: choice === 'ask' ? backup : null };
}

/**
 * The editor's values and their autosave: debounced saves one at a time, a copy on this device
 * until the server has it, saves on blur, when the page is hidden and when the connection returns.
 */
export function useEvolutionAutosave(evolution: Evolution) {
  const queryClient = useQueryClient();
  const [start] = useState(() => startFrom(evolution));
  const [values, setValues] = useState(start.values);
  const [recovery, setRecovery] = useState(start.recovery);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const queueRef = useRef<AutosaveQueue<EvolutionFormValues> | null>(null);
  const id = evolution.id;

  useEffect(() => {
    const { queue, created } = acquireQueue(id, start.version, start.values, queryClient, setStatus);
    queueRef.current = queue;
    if (created && start.restore) {
      queue.change(start.values);
      void queue.flush();
    }
    const flush = () => void queue.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('online', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('online', flush);
      queueRef.current = null;
      releaseQueue(id, queue);
    };
  }, [id, queryClient, start]);

  const change = useCallback(
    (next: EvolutionFormValues) => {
      setValues(next);
      const queue = queueRef.current;
      if (!queue) return;
      noteLatest(id, next);
      writeBackup(browserStorage(), id, { baseVersion: queue.version, editedAt: Date.now(), values: next });
      queue.change(next);
    },
    [id],
  );

  /** Saves now (on blur); resolves with the version to sign, or null when it could not be saved. */
  const flush = useCallback(async (): Promise<number | null> => {
    const queue = queueRef.current;
    if (!queue) return null;
    return (await queue.flush()) ? queue.version : null;
  }, []);

  /** Stops saving for good (signed or discarded) and forgets the local copy. */
  const stop = useCallback(() => {
    stopQueue(id);
    queueRef.current = null;
    clearBackup(browserStorage(), id);
  }, [id]);

  const applyRecovered = useCallback(() => {
    if (!recovery) return;
    setRecovery(null);
    clearBackup(browserStorage(), id, conflictKey);
    change(recovery.values);
    void queueRef.current?.flush();
  }, [id, recovery, change]);

  const dropRecovered = useCallback(() => {
    setRecovery(null);
    clearBackup(browserStorage(), id, conflictKey);
    if (!queueRef.current?.dirty) clearBackup(browserStorage(), id);
  }, [id]);

  return { values, change, status, flush, stop, recovery, applyRecovered, dropRecovered };
}
