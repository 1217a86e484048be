import { io as socketIo } from 'socket.io-client';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type { AckError } from '#shared/realtime/events.ts';
import type { AppSocket, ConnectionHooks, ConnectionStatus } from './app-socket';

type Io = (opts: Partial<ManagerOptions & SocketOptions>) => AppSocket;

/** The first retry after a refusal; doubled each time up to MAX_RETRY_MS, with ±50 % jitter. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** A session cut off for flooding is refused for 10 s (server/plugins/realtime.ts). */
const FLOOD_BENCH_MS = 10_000;

/**
 * Socket.IO client options. WebSocket first: its handshake always carries the Origin header the
 * server checks (a same-origin polling GET does not); long-polling stays as the fallback for
 * strict proxies. Socket.IO's own reconnection (exponential backoff with jitter) covers drops.
 */
export const SOCKET_OPTIONS = {
  path: '/socket.io',
  withCredentials: true,
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  reconnectionDelay: FIRST_RETRY_MS,
  reconnectionDelayMax: 15_000,
  randomizationFactor: 0.5,
} satisfies Partial<ManagerOptions & SocketOptions>;

/**
 * Holds the tab's one connection: opened after sign-in, closed on sign-out, reconnected with
 * backoff, never reconnected after the server said the session ended. Socket.IO reconnects by
 * itself after a network drop, but not after the server refused or closed the socket on purpose;
 * those cases are decided here. This module and socket.io-client form their own chunk, loaded
 * by lib/app-socket after sign-in, so no page waits for them before drawing.
 */
export class AppConnection {
  private socket: AppSocket | null = null;
  private status: ConnectionStatus = { kind: 'idle' };
  /** Bumped by start and stop: an older start's late load or retry does nothing. */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly load: () => Promise<Io> = async () => socketIo as Io,
    private readonly random: () => number = Math.random,
  ) {}

  /** Opens the connection for a signed-in person (a second call while open does nothing). */
  start(hooks: ConnectionHooks): void {
    if (this.status.kind !== 'idle' && this.status.kind !== 'ended') return;
    const generation = ++this.generation;
    this.setStatus({ kind: 'connecting' });
    this.loadAndOpen(hooks, generation);
  }

  private loadAndOpen(hooks: ConnectionHooks, generation: number): void {
    this.load().then(
      (io) => {
        if (generation === this.generation) this.open(io, hooks, generation);
      },
      () => {
        // Could not get a client (tests inject a loader that fails): try again later.
        if (generation === this.generation) this.retryLater(() => this.restart(hooks, generation));
      },
    );
  }

  /** Closes the connection (sign-out, another person signing in). */
  stop(): void {
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.retries = 0;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.off();
      socket.disconnect();
    }
    this.setStatus({ kind: 'idle' });
  }

  getSocket = (): AppSocket | null => this.socket;
  getStatus = (): ConnectionStatus => this.status;

  /** For useSyncExternalStore: called whenever the socket or the status changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private restart(hooks: ConnectionHooks, generation: number): void {
    if (generation !== this.generation) return;
    if (this.socket) this.socket.connect();
    else this.loadAndOpen(hooks, generation);
  }

  /** Exponential backoff with jitter, at least `minMs`. */
  private retryLater(then: () => void, minMs = 0): void {
    clearTimeout(this.retryTimer);
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.retries);
    this.retries += 1;
    const delay = Math.max(minMs, Math.round(base * (0.5 + this.random())));
    this.retryTimer = setTimeout(then, delay);
  }

  private open(io: Io, hooks: ConnectionHooks, generation: number): void {
    const socket = io(SOCKET_OPTIONS);
    this.socket = socket;
    let fatal: AckError | null = null;
    const ended = () => {
      if (generation !== this.generation) return;
      clearTimeout(this.retryTimer);
      socket.off();
      socket.disconnect();
      this.socket = null;
      this.generation += 1;
      this.setStatus({ kind: 'ended' });
      hooks.onSessionEnded();
    };

    // The server says the session is over: believe it once HTTP agrees (a session replaced by a
    // new one, as when an invite is accepted in this tab, is simply connected again).
    const checkSession = () => {
      this.setStatus({ kind: 'offline' });
      hooks.sessionEnded().then(
        (over) => {
          if (over) ended();
          else this.retryLater(() => this.restart(hooks, generation));
        },
        () => this.retryLater(() => this.restart(hooks, generation)),
      );
    };

    socket.on('connect', () => {
      fatal = null;
      this.retries = 0;
      this.setStatus({ kind: 'online' });
    });
    socket.on('error:fatal', (error) => {
      fatal = error;
    });
    socket.on('disconnect', (reason) => {
      if (generation !== this.generation) return;
      if (reason === 'io client disconnect') return;
      if (fatal?.code === 'session_ended') return checkSession();
      this.setStatus(fatal ? { kind: 'refused', error: fatal } : { kind: 'offline' });
      // Socket.IO reconnects by itself after a drop, not after the server closed the socket on purpose.
      if (reason === 'io server disconnect') {
        this.retryLater(() => this.restart(hooks, generation), fatal?.code === 'rate_limited' ? FLOOD_BENCH_MS + 1_000 : 0);
      }
    });
    socket.on('connect_error', (error: Error & { data?: Partial<AckError> }) => {
      if (generation !== this.generation) return;
      // A transport error (network, a refused handshake request): Socket.IO is already retrying.
      if (socket.active) {
        this.setStatus({ kind: 'offline' });
        return;
      }
      // Refused by the server's middleware: it will not retry by itself.
      const refusal: AckError = {
        code: error.data?.code ?? error.message,
        message: error.data?.message ?? 'Sem conexão com o servidor. Tentando de novo…',
      };
      if (refusal.code === 'unauthenticated') return checkSession();
      this.setStatus({ kind: 'refused', error: refusal });
      this.retryLater(() => this.restart(hooks, generation), refusal.code === 'too_many_connections' ? 5_000 : 0);
    });
  }
}
