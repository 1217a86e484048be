import { type Socket, io } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../src/shared/realtime/events';

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
export function nextEvent<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, timeoutMs = 3000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    (socket.once as (e: string, l: (p: unknown) => void) => void)(event, (p) => {
      clearTimeout(timer);
      resolve(p as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}
