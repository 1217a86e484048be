import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../shared/schemas/auth';
import { useToast } from '../components/ui/toast-context';
import { getMe, meQueryKey } from '../features/auth/api/get-me';
import type { NoticeBadge } from '../lib/notices';
import { forgetPersonalData } from '../lib/personal-storage';

type Badges = Partial<Record<NoticeBadge, number>>;

const SESSION_ENDED = 'Sua sessão terminou. Entre de novo para continuar.';

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
 * The signed-in tab's one Socket.IO connection and what it hears: opened once someone is signed
 * in, whatever page they are on (the call included), closed when they sign out. The connection
 * and the notice handlers (app/notices-runtime, with socket.io-client) download after sign-in,
 * never with the first page; should they not download (offline), the app works on without live
 * notices. Here: the menu badges the notices leave until their page is visited.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const userId = user?.id;
  const role = user?.role;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [badges, setBadges] = useState<Badges>({});

  useEffect(() => {
    if (!userId || !role) return;
    let stop: (() => void) | undefined;
    let left = false;
    const bump = (badge: NoticeBadge) => setBadges((b) => ({ ...b, [badge]: (b[badge] ?? 0) + 1 }));
    import('./notices-runtime').then(
      ({ startNotices }) => {
        if (left) return;
        stop = startNotices({
          role,
          toast,
          queryClient,
          bump,
          sessionEnded: async () => {
            const now = await getMe();
            // A new session took this one's place (an invite accepted in this tab): follow it.
            if (now && now.user.id !== userId) queryClient.setQueryData(meQueryKey, now);
            return now === null;
          },
          // The server ended the session: the signed-in layouts see no session and go to /entrar;
          // everything else cached is forgotten. (Not queryClient.clear(): the layouts' observer
          // would keep watching the removed query and never see the session go.)
          onSessionEnded: () => {
            toast.notify(SESSION_ENDED, 'info');
            forgetPersonalData();
            queryClient.setQueryData(meQueryKey, null);
            queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
          },
        });
      },
      () => undefined,
    );
    return () => {
      left = true;
      stop?.();
      setBadges({});
    };
  }, [userId, role, toast, queryClient]);

  const clear = useCallback((badge: NoticeBadge) => setBadges((b) => (b[badge] ? { ...b, [badge]: 0 } : b)), []);
  const api = useMemo(() => ({ badges, clear }), [badges, clear]);
  return <NoticeBadgesContext.Provider value={api}>{children}</NoticeBadgesContext.Provider>;
}
