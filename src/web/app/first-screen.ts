import { firstScreenOf } from '#shared/first-screens.ts';
import { getMe, meQueryKey } from '#web/lib/get-me.ts';
import { loadRoomLanding } from './layouts/call-layout';
import { queryClient } from './query-client';
import { appRouter } from './router';

/**
 * What the first screen needs before React draws anything (docs/decisions/014-first-load-on-a-phone.md):
 * the page's code (the router's lazy route) and, where its layout reads the session, the session
 * itself. Until then the HTML's own content stays on screen (the pre-rendered screen, or the
 * brand loader), so React's first frame is the screen, not a loader that replaces the HTML and
 * is replaced in turn (a frame of work and a flash on a slow phone).
 */
export async function firstScreenReady(): Promise<void> {
  const router = appRouter();
  const routed = new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  const screen = firstScreenOf(window.location.pathname);
  let session: Promise<unknown> = Promise.resolve();
  if (screen?.session) {
    // The server sends this screen's signed-out HTML only to a browser with no session cookie:
    // nobody is signed in, so the app does not ask (one round trip less before the landing).
    if (document.querySelector('meta[name="medconnect-session"][content="none"]')) {
      queryClient.setQueryData(meQueryKey, null);
      session = loadRoomLanding();
    } else {
      // The HTML carries its answer (lib/first-data.ts) or its preload already asked; this takes it.
      session = queryClient.prefetchQuery({ queryKey: meQueryKey, queryFn: getMe });
    }
  }
  await Promise.all([routed, session.catch(() => undefined)]);
}
