import { ApiError } from '#web/lib/api-error.ts';

/** What the editor says about saving, in the aria-live status line. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** No connection (or the server failed): the text is on this device and a retry is scheduled. */
  | { kind: 'offline'; retryInMs: number }
  /** Someone saved this entry from another tab or device first. */
  | { kind: 'conflict' }
  /** The entry was signed meanwhile: it can no longer change. */
  | { kind: 'final' }
  | { kind: 'error'; message: string };

export type SaveFailure = 'offline' | 'conflict' | 'final' | { message: string };

/** How a failed save is handled: retried later, stopped for good, or reported until the next edit. */
export function classifySaveError(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return 'offline';
  if (error.status === 0 || error.status >= 500) return 'offline';
  if (error.status === 409 && error.code === 'version_conflict') return 'conflict';
  if (error.status === 409 && error.code === 'evolution_final') return 'final';
  return { message: error.message };
}

export interface AutosaveOptions<T> {
  /** The server's version of the entry the first save builds on. */
  version: number;
  /** Sends one snapshot with the version it builds on; resolves with the new version. */
  save: (snapshot: T, version: number) => Promise<number>;
  onStatus: (status: SaveStatus) => void;
  /** After each successful save; `upToDate` is false when newer edits are already waiting. */
  onSaved?: (snapshot: T, version: number, upToDate: boolean) => void;
  debounceMs?: number;
  /** Waits between retries after a network failure (the last one repeats). */
  retryDelaysMs?: readonly number[];
  classify?: (error: unknown) => SaveFailure;
}

/**
 * Saves a changing document one request at a time: edits are debounced, a flush sends the latest
 * snapshot at once, a save never starts while another is in flight (edits made meanwhile go in
 * the next one), each request carries the version the previous one returned, and network
 * failures are retried with back-off. A version conflict or a signed entry stops it for good.
 */
export class AutosaveQueue<T> {
  private latest: T | null = null;
  private revision = 0;
  private savedRevision = 0;
  private running = false;
  private wanted = false;
  private stopped = false;
  private failures = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: { revision: number; resolve: (ok: boolean) => void }[] = [];
  private status: SaveStatus = { kind: 'idle' };
  private readonly debounceMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly classify: (error: unknown) => SaveFailure;
  version: number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.version = options.version;
    this.debounceMs = options.debounceMs ?? 800;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
    this.classify = options.classify ?? classifySaveError;
  }

  /** True while some edit has not reached the server. */
  get dirty(): boolean {
    return this.revision > this.savedRevision;
  }

  /** Stopped for good (conflict, signed, disposed): a new editor needs a new queue. */
  get isStopped(): boolean {
    return this.stopped;
  }

  get current(): SaveStatus {
    return this.status;
  }

  /** A new state of the document: saved after a pause in typing. */
  change(snapshot: T): void {
    if (this.stopped) return;
    this.latest = snapshot;
    this.revision += 1;
    // While offline the retry timer is in charge; the status keeps saying so.
    if (this.status.kind !== 'offline') this.setStatus({ kind: 'pending' });
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Saves now (blur, page hidden, before signing). Resolves true once everything edited so far is saved. */
  flush(): Promise<boolean> {
    clearTimeout(this.debounceTimer);
    if (this.stopped) return Promise.resolve(false);
    if (!this.dirty) return Promise.resolve(true);
    const result = new Promise<boolean>((resolve) => this.waiters.push({ revision: this.revision, resolve }));
    this.wanted = true;
    if (!this.running) void this.drain();
    return result;
  }

  /** Stops timers (the page is leaving); pending flush promises resolve false. */
  dispose(): void {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    this.stopped = true;
    this.settleWaiters(false);
  }

  private async drain(): Promise<void> {
    this.running = true;
    clearTimeout(this.retryTimer);
    while (this.wanted && this.dirty && !this.stopped) {
      this.wanted = false;
      const revision = this.revision;
      const snapshot = this.latest as T;
      this.setStatus({ kind: 'saving' });
      try {
        this.version = await this.options.save(snapshot, this.version);
      } catch (error) {
        this.running = false;
        this.fail(this.classify(error));
        return;
      }
      this.failures = 0;
      this.savedRevision = Math.max(this.savedRevision, revision);
      this.options.onSaved?.(snapshot, this.version, !this.dirty);
      this.settleWaiters(true);
      // Edits made during the request wait for their own pause, unless a flush asked for them.
      if (!this.dirty) this.setStatus({ kind: 'saved', at: Date.now() });
      else if (!this.wanted) this.setStatus({ kind: 'pending' });
    }
    this.running = false;
  }

  private fail(failure: SaveFailure): void {
    if (failure === 'conflict' || failure === 'final') {
      this.stopped = true;
      clearTimeout(this.debounceTimer);
      this.setStatus({ kind: failure });
      this.settleWaiters(false);
      return;
    }
    this.settleWaiters(false);
    if (failure === 'offline') {
      const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)] ?? 30_000;
      this.failures += 1;
      this.setStatus({ kind: 'offline', retryInMs: delay });
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.flush(), delay);
      return;
    }
    this.setStatus({ kind: 'error', message: failure.message });
  }

  private settleWaiters(ok: boolean): void {
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (!ok) waiter.resolve(false);
      else if (waiter.revision <= this.savedRevision) waiter.resolve(true);
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}
