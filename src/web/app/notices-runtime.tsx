import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Role } from '../../shared/permissions';
import { useToast } from '../components/ui/toast-context';
import { getMe, meQueryKey } from '../features/auth/api/get-me';
import { AppConnection } from '../lib/app-connection';
import { appSocket } from '../lib/app-socket';
import { type NoticeBadge, type NoticeContext, useAppSocket, useConnectionStatus } from '../lib/notices';
import { forgetPersonalData } from '../lib/personal-storage';
import { NOTICE_HANDLERS } from './notice-handlers';

const connection = new AppConnection();
appSocket.attach(connection);

const SESSION_ENDED = 'Sua sessão terminou. Entre de novo para continuar.';

interface Props {
  userId: string;
  role: Role;
  bump: (badge: NoticeBadge) => void;
}

/**
 * The signed-in tab's connection at work (loaded after sign-in, with socket.io-client): opens it
 * for this person and closes it when they leave; hands every server notice to its handler. When
 * the server ends the session (and HTTP agrees), the app forgets it and the signed-in layouts go
 * to /entrar.
 */
export function NoticesRuntime({ userId, role, bump }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const socket = useAppSocket();
  const status = useConnectionStatus().kind;

  // Where the connection stands, on the page's root element: for debugging and browser tests.
  useEffect(() => {
    document.documentElement.dataset.connection = status;
  }, [status]);

  useEffect(() => {
    connection.start({
      sessionEnded: async () => {
        const now = await getMe();
        // A new session took this one's place (an invite accepted in this tab): follow it.
        if (now && now.user.id !== userId) queryClient.setQueryData(meQueryKey, now);
        return now === null;
      },
      onSessionEnded: () => {
        toast.notify(SESSION_ENDED, 'info');
        queryClient.clear();
        forgetPersonalData();
        queryClient.setQueryData(meQueryKey, null);
      },
    });
    return () => connection.stop();
  }, [userId, queryClient, toast]);

  useEffect(() => {
    if (!socket) return;
    const context: NoticeContext = { role, toast, queryClient, bump };
    const offs = NOTICE_HANDLERS.filter((h) => h.roles.includes(role)).map((h) => {
      const listener = (payload: unknown) => h.handle(payload as never, context);
      (socket.on as (event: string, fn: (p: unknown) => void) => void)(h.event, listener);
      return () => (socket.off as (event: string, fn: (p: unknown) => void) => void)(h.event, listener);
    });
    return () => {
      for (const off of offs) off();
    };
  }, [socket, role, toast, queryClient, bump]);

  return null;
}
