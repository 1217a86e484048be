import type { NoticeBadge } from './notices';

export type NoticeBadges = Partial<Record<NoticeBadge, number>>;

let current: NoticeBadges = {};
const listeners = new Set<() => void>();

function set(next: NoticeBadges): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Counts of live notices per menu entry, until the person opens that entry's page (read with useSyncExternalStore). */
export const noticeBadges = {
  get: (): NoticeBadges => current,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  bump: (badge: NoticeBadge): void => set({ ...current, [badge]: (current[badge] ?? 0) + 1 }),
  clear: (badge: NoticeBadge): void => {
    if (current[badge]) set({ ...current, [badge]: 0 });
  },
  reset: (): void => set({}),
};

/**
 * Closes the tab's connection now: logout calls it before its request, whose ending of this
 * session's sockets is no news. The connection's chunk (app/notices-runtime) sets it once loaded.
 */
export const liveConnection = { stop: (): void => undefined };
