import { AppConnection } from '../lib/app-connection';
import { type AppSocket, type ConnectionHooks, appSocket } from '../lib/app-socket';
import type { NoticeContext } from '../lib/notices';
import { NOTICE_HANDLERS } from './notice-handlers';

const connection = new AppConnection();
appSocket.attach(connection);

/** What the notices need from the page: who is signed in, what handlers may use, and what a session end does. */
export type NoticesOptions = NoticeContext & ConnectionHooks;

/**
 * The signed-in tab's connection at work, loaded after sign-in with socket.io-client (it imports
 * nothing the first page has not loaded but its own modules, so it does not reshape the shared
 * chunks): opens the connection and hands every server notice to its handler, on every socket the
 * connection opens. Returns what closes it all (sign-out, another person signing in).
 */
export function startNotices({ role, toast, queryClient, bump, sessionEnded, onSessionEnded }: NoticesOptions): () => void {
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

  connection.start({ sessionEnded, onSessionEnded });
  sync();

  return () => {
    unsubscribe();
    connection.stop();
    sync();
  };
}
