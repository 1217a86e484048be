import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '#web/lib/api-error.ts';
import { AutosaveQueue, classifySaveError } from './autosave-queue';
import type { SaveStatus } from './autosave-queue';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('AutosaveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a pause in typing, with the latest text', async () => {
    const save = vi.fn((_text: string, version: number) => Promise.resolve(version + 1));
    const statuses: SaveStatus['kind'][] = [];
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: (s) => statuses.push(s.kind) });
    queue.change('a');
    await vi.advanceTimersByTimeAsync(400);
    queue.change('ab');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('ab', 1);
    expect(queue.version).toBe(2);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never sends two saves at once and always sends the version the last save returned', async () => {
    const calls: { text: string; version: number; done: ReturnType<typeof deferred<number>> }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const save = (text: string, version: number) => {
      const done = deferred<number>();
      calls.push({ text, version, done });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return done.promise.finally(() => {
        inFlight -= 1;
      });
    };
    const queue = new AutosaveQueue<string>({ version: 3, save, onStatus: () => undefined });
    queue.change('one');
    const first = queue.flush();
    queue.change('two');
    const second = queue.flush();
    queue.change('three');
    const third = queue.flush();
    expect(calls).toHaveLength(1);
    calls[0]!.done.resolve(4);
    await vi.advanceTimersByTimeAsync(0);
    expect(await first).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ text: 'three', version: 4 });
    calls[1]!.done.resolve(5);
    expect(await second).toBe(true);
    expect(await third).toBe(true);
    expect(maxInFlight).toBe(1);
    expect(queue.dirty).toBe(false);
  });

  it('edits typed during a save wait for their own pause', async () => {
    const save = vi.fn((_t: string, v: number) => Promise.resolve(v + 1));
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: () => undefined });
    queue.change('a');
    void queue.flush();
    queue.change('ab');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('ab', 2);
  });

  it('retries with back-off while offline, then saves', async () => {
    let fail = true;
    const save = vi.fn((_t: string, v: number) => (fail ? Promise.reject(new ApiError(0, 'network_error', 'x')) : Promise.resolve(v + 1)));
    const statuses: SaveStatus[] = [];
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: (s) => statuses.push(s), retryDelaysMs: [1000, 3000] });
    queue.change('a');
    expect(await queue.flush()).toBe(false);
    expect(statuses.at(-1)).toEqual({ kind: 'offline', retryInMs: 1000 });
    queue.change('ab');
    expect(statuses.at(-1)?.kind).toBe('offline');
    await vi.advanceTimersByTimeAsync(800);
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toEqual({ kind: 'offline', retryInMs: 3000 });
    fail = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenLastCalledWith('ab', 1);
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('stops for good on a version conflict', async () => {
    const save = vi.fn(() => Promise.reject(new ApiError(409, 'version_conflict', 'x')));
    const statuses: SaveStatus['kind'][] = [];
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: (s) => statuses.push(s.kind) });
    queue.change('a');
    expect(await queue.flush()).toBe(false);
    queue.change('b');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('conflict');
  });

  it('reports a refused save and tries again after the next edit', async () => {
    const save = vi
      .fn<(t: string, v: number) => Promise<number>>()
      .mockRejectedValueOnce(new ApiError(400, 'validation', 'Texto longo demais'))
      .mockResolvedValue(2);
    const statuses: SaveStatus[] = [];
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: (s) => statuses.push(s) });
    queue.change('a');
    await queue.flush();
    expect(statuses.at(-1)).toEqual({ kind: 'error', message: 'Texto longo demais' });
    queue.change('b');
    await vi.advanceTimersByTimeAsync(800);
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('tells the caller whether newer edits are still waiting', async () => {
    const onSaved = vi.fn();
    const first = deferred<number>();
    const save = vi.fn<(t: string, v: number) => Promise<number>>().mockReturnValueOnce(first.promise).mockResolvedValue(3);
    const queue = new AutosaveQueue<string>({ version: 1, save, onStatus: () => undefined, onSaved });
    queue.change('a');
    void queue.flush();
    queue.change('ab');
    first.resolve(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(onSaved).toHaveBeenCalledWith('a', 2, false);
    await queue.flush();
    expect(onSaved).toHaveBeenLastCalledWith('ab', 3, true);
  });
});

describe('classifySaveError', () => {
  it('sorts failures', () => {
    expect(classifySaveError(new ApiError(0, 'network_error', 'x'))).toBe('offline');
    expect(classifySaveError(new ApiError(503, 'internal_error', 'x'))).toBe('offline');
    expect(classifySaveError(new ApiError(409, 'version_conflict', 'x'))).toBe('conflict');
    expect(classifySaveError(new ApiError(409, 'evolution_final', 'x'))).toBe('final');
    expect(classifySaveError(new ApiError(400, 'validation', 'Campo'))).toEqual({ message: 'Campo' });
  });
});
