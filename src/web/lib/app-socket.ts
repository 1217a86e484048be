import type { Socket } from 'socket.io-client';
import type { AckError, ClientToServerEvents, ServerToClientEvents } from '#shared/realtime/events.ts';
import type { AppConnection } from './app-connection';

/** The one Socket.IO connection of a signed-in tab: app-wide notices and the call's signaling. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionStatus =
  /** Nobody signed in: no connection. */
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'online' }
  /** Dropped (network, server restart): trying again by itself. */
  | { kind: 'offline' }
  /** The server refused this tab (too many tabs, a flood): trying again later; `error` says why in its words. */
  | { kind: 'refused'; error: AckError }
  /** The session is over (signed out elsewhere, deactivated): no more tries. */
  | { kind: 'ended' };

export interface ConnectionHooks {
  /** The server ended the session: the app forgets it and goes to sign-in. */
  onSessionEnded: () => void;
  /**
   * The server said the session ended (or refused the handshake as unauthenticated): is it really
   * over (true), or did a new session take its place? Asks the server over HTTP.
   */
  sessionEnded: () => Promise<boolean>;
}

const IDLE: ConnectionStatus = { kind: 'idle' };

/**
 * The tab's connection as the rest of the app sees it: the current socket and status, and stop
 * (sign-out). The connection itself (lib/app-connection with socket.io-client, about 14 KB
 * gzipped) comes in a chunk loaded after sign-in by app/notices-runtime, which attaches it
 * here: no page's first load pays for it.
 */
class AppSocketHandle {
  private connection: AppConnection | null = null;
  private readonly listeners = new Set<() => void>();

  /** Called once, by the chunk that holds the connection. */
  attach(connection: AppConnection): void {
    this.connection = connection;
    const changed = () => {
      for (const listener of this.listeners) listener();
    };
    connection.subscribe(changed);
    changed();
  }

  /** Closes the connection now (before a sign-out request, whose own socket ending is no news). */
  stop(): void {
    this.connection?.stop();
  }

  getSocket = (): AppSocket | null => this.connection?.getSocket() ?? null;
  getStatus = (): ConnectionStatus => this.connection?.getStatus() ?? IDLE;

  /** For useSyncExternalStore: called whenever the socket or the status changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The tab's one connection (whatever page is open). */
export const appSocket = new AppSocketHandle();
