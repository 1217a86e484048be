import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Role } from '../../shared/permissions';
import type { ServerToClientEvents } from '../../shared/realtime/events';
import type { ToastApi } from '../components/ui/toast-context';
import { type AppSocket, type ConnectionStatus, appSocket } from './app-socket';

/** Menu entries that can carry a count of new notices until their page is visited. */
export type NoticeBadge = 'payments';

export type NoticeEvent = keyof ServerToClientEvents;

/** What a notice handler may do when its event arrives. */
export interface NoticeContext {
  role: Role;
  toast: ToastApi;
  queryClient: QueryClient;
  /** Adds one to a menu entry's badge (cleared when the person opens that page). */
  bump: (badge: NoticeBadge) => void;
}

/**
 * One kind of app-wide notice: the server event it listens to, who hears it, and what happens
 * (a toast, queries to refresh, a badge). A new notice is one more handler in app/notice-handlers.
 */
export interface NoticeHandler<E extends NoticeEvent = NoticeEvent> {
  event: E;
  roles: readonly Role[];
  handle: (payload: Parameters<ServerToClientEvents[E]>[0], context: NoticeContext) => void;
}

/** Keeps a handler's payload typed by its event inside a list of handlers of different events. */
export function defineNotice<E extends NoticeEvent>(handler: NoticeHandler<E>): NoticeHandler {
  return handler as unknown as NoticeHandler;
}

/** The tab's socket (null until it is loaded, and when signed out); re-renders when it changes. */
export function useAppSocket(): AppSocket | null {
  return useSyncExternalStore(appSocket.subscribe, appSocket.getSocket, () => null);
}

const IDLE: ConnectionStatus = { kind: 'idle' };

/** Whether the tab's connection is up, reconnecting, refused or ended. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(appSocket.subscribe, appSocket.getStatus, () => IDLE);
}

/**
 * Listens to one server event on the tab's connection while the component is mounted (e.g. a
 * banner that shows a waiting patient on every page). The latest `listener` is always called.
 */
export function useSocketEvent<E extends NoticeEvent>(event: E, listener: ServerToClientEvents[E]): void {
  const socket = useAppSocket();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!socket) return;
    const fn = ((...args: unknown[]) => (latest.current as (...a: unknown[]) => void)(...args)) as ServerToClientEvents[E];
    // Socket.IO's typed `on` does not narrow through a generic event name.
    (socket.on as (e: E, f: ServerToClientEvents[E]) => void)(event, fn);
    return () => {
      (socket.off as (e: E, f: ServerToClientEvents[E]) => void)(event, fn);
    };
  }, [socket, event]);
}
