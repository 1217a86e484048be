import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ServerToClientEvents } from '#shared/realtime/events.ts';
import { type AppSocket, type ConnectionStatus, appSocket } from './app-socket';
import type { NoticeEvent } from './notices';

const IDLE: ConnectionStatus = { kind: 'idle' };

/** The tab's socket (null until it is loaded, and when signed out); re-renders when it changes. */
export function useAppSocket(): AppSocket | null {
  return useSyncExternalStore(appSocket.subscribe, appSocket.getSocket, () => null);
}

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
