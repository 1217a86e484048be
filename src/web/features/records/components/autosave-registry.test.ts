import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Evolution } from '#shared/schemas/records.ts';
import { ApiError } from '#web/lib/api-error.ts';
import type { SaveStatus } from '#web/features/records/model/autosave-queue.ts';
import type { EvolutionFormValues } from '#web/features/records/model/evolution-form.ts';
import { backupKey, conflictKey, readBackup } from '#web/features/records/model/local-backup.ts';

const server = vi.hoisted(() => ({
  saves: [] as { version: number; notes: string }[],
  current: null as unknown,
  saveImpl: null as null | ((input: { version: number; content: { notes: string } }) => Promise<unknown>),
}));
vi.mock('#web/features/records/api/save-evolution.ts', () => ({
  saveEvolution: (_id: string, input: { version: number; content: { notes: string } }) => server.saveImpl!(input),
}));
vi.mock('#web/features/records/api/get-evolution.ts', () => ({
  evolutionQueryKey: (id: string) => ['evolution', id],
  getEvolution: () => Promise.resolve(server.current),
}));

const { acquireQueue, noteLatest, releaseQueue } = await import('./autosave-registry');

function values(notes: string): EvolutionFormValues {
  return { content: { complaint: '', history: '', exam: '', plan: '', notes }, diagnoses: [], prescriptions: [] };
}

function evolution(version: number, notes: string): Evolution {
  return {
    id: 'e1',
    patientId: 'p1',
    doctor: { id: 'd1', name: 'Helena', crm: 'CRM/SP 1', specialty: 'Clínica médica' },
    kind: 'evolution',
    amendsId: null,
    status: 'draft',
    roomCode: null,
    consultation: null,
    content: values(notes).content,
    diagnoses: [],
    prescriptions: [],
    version,
    createdAt: '2026-11-28T12:00:00.000Z',
    updatedAt: '2026-11-28T12:00:00.000Z',
    finalizedAt: null,
    contentHash: null,
  };
}

/** A fake server holding one draft, with optimistic versions like the real one. */
function honestServer(startVersion: number): void {
  let version = startVersion;
  server.saveImpl = (input) => {
    if (input.version !== version) return Promise.reject(new ApiError(409, 'version_conflict', 'conflito'));
    version += 1;
    server.saves.push({ version, notes: input.content.notes });
    server.current = evolution(version, input.content.notes);
    return Promise.resolve(server.current);
  };
}

beforeEach(() => {
  server.saves = [];
  server.current = null;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('autosave registry', () => {
  it('gives a fresh queue to the editor that reloads after a conflict, so saving goes on', async () => {
    let version = 1;
    server.saveImpl = () => Promise.reject(new ApiError(409, 'version_conflict', 'conflito'));
    const statuses: SaveStatus[] = [];
    const first = acquireQueue('e-conflict', version, values(''), new QueryClient(), (s) => statuses.push(s));
    first.queue.change(values('a'));
    expect(await first.queue.flush()).toBe(false);
    expect(statuses.at(-1)).toEqual({ kind: 'conflict' });

    // "Recarregar": the new editor mounts before the old one's cleanup has finished.
    version = 5;
    honestServer(version);
    const second = acquireQueue('e-conflict', version, values('server text'), new QueryClient(), () => undefined);
    releaseQueue('e-conflict', first.queue);
    expect(second.created).toBe(true);
    expect(second.queue).not.toBe(first.queue);
    second.queue.change(values('written after the reload'));
    expect(await second.queue.flush()).toBe(true);
    expect(server.saves.at(-1)).toEqual({ version: 6, notes: 'written after the reload' });
    releaseQueue('e-conflict', second.queue);
  });

  it('recognises its own save behind a lost answer instead of reporting a conflict', async () => {
    honestServer(1);
    const honest = server.saveImpl!;
    let loseNextAnswer = true;
    server.saveImpl = async (input) => {
      const saved = await honest(input);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new ApiError(0, 'network', 'sem conexão');
      }
      return saved;
    };
    const statuses: SaveStatus[] = [];
    const { queue } = acquireQueue('e-lost', 1, values(''), new QueryClient(), (s) => statuses.push(s));
    queue.change(values('primeira versão'));
    expect(await queue.flush()).toBe(false); // the answer was lost: offline, retry scheduled
    queue.change(values('primeira versão e mais'));
    expect(await queue.flush()).toBe(true);
    expect(statuses.some((s) => s.kind === 'conflict')).toBe(false);
    expect(server.saves.map((s) => s.notes)).toEqual(['primeira versão', 'primeira versão e mais']);
    expect(queue.version).toBe(3);
    releaseQueue('e-lost', queue);
  });

  it('still reports a real conflict when someone else changed the text', async () => {
    honestServer(2);
    server.current = evolution(2, 'texto de outra aba');
    const statuses: SaveStatus[] = [];
    const { queue } = acquireQueue('e-real', 1, values(''), new QueryClient(), (s) => statuses.push(s));
    queue.change(values('meu texto'));
    expect(await queue.flush()).toBe(false);
    expect(statuses.at(-1)).toEqual({ kind: 'conflict' });
    releaseQueue('e-real', queue);
  });

  it('parks the text of a tab that hit a conflict where another tab cannot clear it', async () => {
    const map = new Map<string, string>();
    const localStorage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    vi.stubGlobal('window', { localStorage });
    honestServer(3);
    server.current = evolution(3, 'texto de outra aba');
    const { queue } = acquireQueue('e-park', 2, values(''), new QueryClient(), () => undefined);
    noteLatest('e-park', values('o que escrevi aqui'));
    queue.change(values('o que escrevi aqui'));
    expect(await queue.flush()).toBe(false);
    // The other tab saves and clears the shared backup key.
    localStorage.removeItem(backupKey('e-park'));
    const parked = readBackup(localStorage, 'e-park', conflictKey);
    expect(parked?.values.content.notes).toBe('o que escrevi aqui');
    expect(parked?.baseVersion).toBe(2);
    releaseQueue('e-park', queue);
  });
});
