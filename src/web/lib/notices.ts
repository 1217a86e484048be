import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '#shared/permissions.ts';
import type { ServerToClientEvents } from '#shared/realtime/events.ts';
import type { ToastApi } from './toast-api';

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
