import type { Me } from '#shared/schemas/auth.ts';
import { AppConnection } from '#web/lib/app-connection.ts';
import { type AppSocket, appSocket } from '#web/lib/app-socket.ts';
import { liveConnection } from '#web/lib/live-notices.ts';
import type { NoticeContext } from '#web/lib/notices.ts';
import { NOTICE_HANDLERS } from './notice-handlers';

const connection = new AppConnection();
appSocket.attach(connection);
liveConnection.stop = () => connection.stop();

const SESSION_ENDED = 'Sua sessão terminou. Entre de novo para continuar.';

/**
 * What the notices need from the page: who is signed in, what handlers may use, and the session's
 * pieces the first page already loaded (passed in, not imported: importing them from here made the
 * bundler re-split the shared chunks every page loads).
 */
export type NoticesOptions = NoticeContext & {
  userId: string;
  getMe: () => Promise<Me | null>;
  forgetPersonalData: () => void;
  meQueryKey: readonly unknown[];
};

/**
 * The signed-in tab's connection at work, loaded after sign-in with socket.io-client (it imports
 * nothing the first page has not loaded but its own modules, so it does not reshape the shared
 * chunks): opens the connection and hands every server notice to its handler, on every socket the
 * connection opens. Returns what closes it all (sign-out, another person signing in).
 */
export function startNotices({ userId, role, toast, queryClient, bump, getMe, forgetPersonalData, meQueryKey }: NoticesOptions): () => void {
  const context: NoticeContext = { role, toast, queryClient, bump };
  const handlers = NOTICE_HANDLERS.filter((h) => h.roles.includes(role));
  let attached: AppSocket | null = null;
  let offs: (() => void)[] = [];

  const sync = () => {
    // Where the connection stands, on the page's root element: for debugging and browser tests.
    document.documentElement.dataset.connection = connection.getStatus().kind;
    const socket = connection.getSocket();
    if (socket === attached) return;
    for (const off of offs) off();
    attached = socket;
    offs = socket
      ? handlers.map((h) => {
          const listener = (payload: unknown) => h.handle(payload as never, context);
          (socket.on as (event: string, fn: (p: unknown) => void) => void)(h.event, listener);
          return () => (socket.off as (event: string, fn: (p: unknown) => void) => void)(h.event, listener);
        })
      : [];
  };
  const unsubscribe = connection.subscribe(sync);

  connection.start({
    sessionEnded: async () => {
      const now = await getMe();
      // A new session took this one's place (an invite accepted in this tab): follow it.
      if (now && now.user.id !== userId) queryClient.setQueryData(meQueryKey, now);
      return now === null;
    },
    // The server ended the session: the signed-in layouts see no session and go to /entrar;
    // everything else cached is forgotten. (Not queryClient.clear(): the layouts' observer would
    // keep watching the removed query and never see the session go.)
    onSessionEnded: () => {
      toast.notify(SESSION_ENDED, 'info');
      forgetPersonalData();
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
  sync();

  return () => {
    unsubscribe();
    connection.stop();
    sync();
  };
}
