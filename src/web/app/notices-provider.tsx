import { useQueryClient } from '@tanstack/react-query';
import { Suspense, createContext, lazy, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../shared/schemas/auth';
import { meQueryKey } from '../features/auth/api/get-me';
import type { NoticeBadge } from '../lib/notices';

type Badges = Partial<Record<NoticeBadge, number>>;

interface NoticeBadgesApi {
  badges: Badges;
  /** The person opened the page the badge points to. */
  clear: (badge: NoticeBadge) => void;
}

const NoticeBadgesContext = createContext<NoticeBadgesApi>({ badges: {}, clear: () => undefined });

/** Counts of new notices per menu entry. */
export function useNoticeBadges(): NoticeBadgesApi {
  return useContext(NoticeBadgesContext);
}

// The connection, its handlers and their words load after sign-in, never with the first page.
// Should the chunk not download (offline), the app works on without live notices.
const NoticesRuntime = lazy(() => import('./notices-runtime').then((m) => ({ default: m.NoticesRuntime }), () => ({ default: () => null })));

/**
 * The person of the session some page already loaded (public pages do not ask the server for
 * one). Read from the cache itself, not through a query observer: sign-in and sign-out clear the
 * cache, which would leave a long-lived observer watching a query that is gone.
 */
function useSignedInUser(): Me['user'] | undefined {
  const queryClient = useQueryClient();
  const me = useSyncExternalStore(
    (changed) => queryClient.getQueryCache().subscribe(changed),
    () => queryClient.getQueryData<Me | null>(meQueryKey),
  );
  return me?.user;
}

/**
 * The signed-in tab's one Socket.IO connection and what it hears (app/notices-runtime): opened
 * once someone is signed in, whatever page they are on (the call included), closed when they
 * sign out. Here: the menu badges those notices leave until their page is visited.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const [badges, setBadges] = useState<Badges>({});
  useEffect(() => () => setBadges({}), [user?.id]);
  const bump = useCallback((badge: NoticeBadge) => setBadges((b) => ({ ...b, [badge]: (b[badge] ?? 0) + 1 })), []);
  const clear = useCallback((badge: NoticeBadge) => setBadges((b) => (b[badge] ? { ...b, [badge]: 0 } : b)), []);
  const api = useMemo(() => ({ badges, clear }), [badges, clear]);
  return (
    <NoticeBadgesContext.Provider value={api}>
      {children}
      {user ? (
        <Suspense fallback={null}>
          <NoticesRuntime key={user.id} userId={user.id} role={user.role} bump={bump} />
        </Suspense>
      ) : null}
    </NoticeBadgesContext.Provider>
  );
}
