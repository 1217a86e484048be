import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AckError } from '#shared/realtime/events.ts';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import { useAppSocket } from '#web/lib/use-app-socket.ts';
import type { LocalTracks } from '#web/features/call/media/call-peer-types.ts';
import { INITIAL_SESSION, sessionReducer } from '#web/features/call/model/session-reducer.ts';
import { JoinGate } from '#web/features/call/session/ack.ts';
import { CallSignaling } from '#web/features/call/session/call-signaling.ts';
import type { SessionHooks } from '#web/features/call/session/signaling-types.ts';

/** How long a message written while offline waits for the connection to come back before failing. */
const SEND_WHEN_BACK_MS = 15_000;

export interface SessionOptions extends SessionHooks {
  code: string;
  role: 'doctor' | 'patient';
}

/**
 * The room's realtime side for React: the session state (a pure reducer) fed by a CallSignaling
 * client on the tab's socket, one per socket, room and role.
 */
export function useCallSession(options: SessionOptions) {
  const [state, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);
  const signalingRef = useRef<CallSignaling | null>(null);
  const [joined] = useState(() => new JoinGate());
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  // A rejoin asks only for chat newer than what this page already shows.
  const newestChatRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    newestChatRef.current = state.messages.at(-1)?.sentAt;
  }, [state.messages]);

  const { code, role } = options;

  // The tab's one connection (app/notices-provider opens it after sign-in): the call adds its
  // listeners and leaves the room when it ends, but never closes the connection itself.
  const socket = useAppSocket();

  useEffect(() => {
    if (!socket) return;
    const signaling = new CallSignaling({ socket, code, role, dispatch, joined, hooks: () => optionsRef.current, newestChat: () => newestChatRef.current });
    signalingRef.current = signaling;
    signaling.start();
    return () => {
      signaling.stop();
      signalingRef.current = null;
    };
  }, [socket, code, role, joined]);

  const admit = useCallback(() => {
    const signaling = signalingRef.current;
    if (!signaling) return Promise.reject({ code: 'offline', message: 'Sem conexão com o servidor.' } satisfies AckError);
    return signaling.admit();
  }, []);

  const sendChat = useCallback(
    async (text: string): Promise<ChatMessage> => {
      const offline = { code: 'offline', message: 'Sem conexão com o servidor. A mensagem não foi enviada.' } satisfies AckError;
      // Written during a network drop or a server restart: send it once the room is rejoined.
      if (!joined.isOpen) await joined.wait(SEND_WHEN_BACK_MS, offline);
      const signaling = signalingRef.current;
      if (!signaling) throw offline;
      return signaling.sendChat(text);
    },
    [joined],
  );

  const finalize = useCallback(async () => {
    const signaling = signalingRef.current;
    if (!signaling) throw { code: 'offline', message: 'Sem conexão com o servidor. Tente de novo em instantes.' } satisfies AckError;
    return signaling.finalize();
  }, []);

  /** Our microphone, camera or screen changed: swap the sent track and tell the other side. */
  const publishMedia = useCallback((tracks: LocalTracks) => signalingRef.current?.publishMedia(tracks), []);
  const getStats = useCallback(() => signalingRef.current?.peer.getStats() ?? Promise.resolve(null), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'notice', notice: null }), []);

  return { state, admit, sendChat, finalize, publishMedia, getStats, dismissNotice };
}
