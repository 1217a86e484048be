import { type Socket, io } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '#shared/realtime/events.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client as a browser would open it: with the session cookie and our Origin. */
export function connectSocket(url: string, cookie: string | undefined, origin = url): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { ...(cookie ? { cookie } : {}), origin },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits and waits for the ack. */
export function request<T>(socket: ClientSocket, event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (r: Ack<T>) => void) => void)(event, payload, resolve);
  });
}

/** Resolves with the next event of that name (or rejects after a timeout). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  timeoutMs = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    (socket.once as (e: string, l: (p: unknown) => void) => void)(event, (p) => {
      clearTimeout(timer);
      resolve(p as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

export type Received = { name: string; payload: Record<string, unknown> };

/** Everything a client socket receives, in order, with a way to wait for what comes next. */
export class Recorder {
  readonly events: Received[] = [];
  private readonly listeners = new Set<() => void>();

  /** `timeoutMs`: how long `waitFor` waits unless told (cross-node relays take a little longer). */
  constructor(
    socket: ClientSocket,
    private readonly timeoutMs = 3000,
  ) {
    socket.onAny((name: string, payload: Record<string, unknown>) => {
      this.events.push({ name, payload });
      for (const l of this.listeners) l();
    });
  }

  mark(): number {
    return this.events.length;
  }

  since(mark: number, name?: string): Received[] {
    return this.events.slice(mark).filter((e) => name === undefined || e.name === name);
  }

  /** The first event at or after `from` with that name matching `match`. */
  waitFor<E extends keyof ServerToClientEvents>(
    name: E,
    match: Record<string, unknown> = {},
    from = 0,
    timeoutMs = this.timeoutMs,
  ): Promise<Parameters<ServerToClientEvents[E]>[0]> {
    const find = () =>
      this.events.slice(from).find((e) => e.name === name && Object.entries(match).every(([k, v]) => JSON.stringify(e.payload[k]) === JSON.stringify(v)));
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(hit.payload as Parameters<ServerToClientEvents[E]>[0]);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no ${name} ${JSON.stringify(match)} within ${timeoutMs} ms; got ${JSON.stringify(this.events.slice(from).map((e) => e.name))}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }
}
