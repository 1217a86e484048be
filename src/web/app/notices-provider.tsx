import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { Me } from '#shared/schemas/auth.ts';
import { useToast } from '#web/components/ui/toast-context.ts';
import { getMe, meQueryKey } from '#web/lib/get-me.ts';
import { noticeBadges } from '#web/lib/live-notices.ts';
import { forgetPersonalData } from '#web/lib/personal-storage.ts';

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
 * Resolves once the page has loaded and the browser has a quiet moment (1 s at most): on a cold
 * load the notices' code and connection then never compete with the first screen's code, data
 * and drawing (docs/decisions/014-first-load-on-a-phone.md). After sign-in it is almost at once.
 */
function afterFirstScreen(): Promise<void> {
  return new Promise((resolve) => {
    const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0));
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  });
}

/**
 * The signed-in tab's one Socket.IO connection and what it hears: opened once someone is signed
 * in, whatever page they are on (the call included), closed when they sign out. The connection
 * and the notice handlers (app/notices-runtime, with socket.io-client) download after sign-in,
 * never with the first page; should they not download (offline), the app works on without live
 * notices. The menu badges they leave are in lib/live-notices.
 */
export function NoticesProvider() {
  const user = useSignedInUser();
  const userId = user?.id;
  const role = user?.role;
  const queryClient = useQueryClient();
  const toast = useToast();

  useEffect(() => {
    if (!userId || !role) return;
    let stop: (() => void) | undefined;
    let left = false;
    afterFirstScreen()
      .then(() => (left ? undefined : import('./notices-runtime')))
      .then(
        (runtime) => {
          if (runtime && !left)
            stop = runtime.startNotices({ userId, role, toast, queryClient, bump: noticeBadges.bump, getMe, forgetPersonalData, meQueryKey });
        },
        () => undefined,
      );
    return () => {
      left = true;
      stop?.();
      noticeBadges.reset();
    };
  }, [userId, role, toast, queryClient]);

  return null;
}
