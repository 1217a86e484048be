import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Ack, AckError, ClientToServerEvents, JoinResult, PresenceState, RoomClosedReason } from '../../../../shared/realtime/events';
import type { ChatMessage } from '../../../../shared/schemas/rooms';
import type { AppSocket } from '../../../lib/app-socket';
import { useAppSocket } from '../../../lib/use-app-socket';
import { getIceServers } from '../api/ice-servers';
import { CallPeer } from '../media/peer-connection';
import type { LinkState, LocalTracks } from '../media/peer-connection';

type CallSocket = AppSocket;

export type SessionPhase = 'joining' | 'waiting' | 'in_call' | 'closed' | 'failed';

export interface RemoteMedia {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface SessionState {
  phase: SessionPhase;
  /** The socket is connected (a banner says so when it is not). */
  online: boolean;
  peer: { userId: string; name: string; state: PresenceState } | null;
  link: LinkState;
  remoteStream: MediaStream | null;
  remoteMedia: RemoteMedia;
  startedAt: string | null;
  messages: ChatMessage[];
  closedReason: RoomClosedReason | null;
  error: AckError | null;
  /** A message for the person that does not stop the call (e.g. "error:fatal"). */
  notice: string | null;
}

const INITIAL: SessionState = {
  phase: 'joining',
  online: false,
  peer: null,
  link: 'idle',
  remoteStream: null,
  remoteMedia: { audio: true, video: true, screen: false },
  startedAt: null,
  messages: [],
  closedReason: null,
  error: null,
  notice: null,
};

type Action =
  | { type: 'online'; online: boolean }
  | { type: 'joined'; result: JoinResult }
  | { type: 'join-failed'; error: AckError }
  | { type: 'presence'; userId: string; name: string; state: PresenceState }
  | { type: 'admitted' }
  | { type: 'link'; link: LinkState }
  | { type: 'remote-stream'; stream: MediaStream | null }
  | { type: 'remote-media'; media: RemoteMedia }
  | { type: 'started'; startedAt: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'closed'; reason: RoomClosedReason }
  | { type: 'notice'; notice: string | null };

function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

function reducer(state: SessionState, action: Action): SessionState {
  if (state.phase === 'closed' && action.type !== 'message') return state;
  switch (action.type) {
    case 'online':
      return { ...state, online: action.online };
    case 'joined':
      return {
        ...state,
        phase: action.result.admitted ? 'in_call' : 'waiting',
        peer: action.result.peer,
        startedAt: action.result.consultationStartedAt ?? state.startedAt,
        messages: mergeMessages(state.messages, action.result.chat),
        error: null,
      };
    case 'join-failed':
      return action.error.code === 'room_closed' ? { ...state, phase: 'closed', closedReason: 'finalized' } : { ...state, phase: 'failed', error: action.error };
    case 'presence':
      return { ...state, peer: { userId: action.userId, name: action.name || state.peer?.name || '', state: action.state } };
    case 'admitted':
      return state.phase === 'waiting' ? { ...state, phase: 'in_call' } : state;
    case 'link':
      return { ...state, link: action.link };
    case 'remote-stream':
      return { ...state, remoteStream: action.stream };
    case 'remote-media':
      return { ...state, remoteMedia: action.media };
    case 'started':
      return { ...state, startedAt: action.startedAt };
    case 'message':
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case 'closed':
      return { ...state, phase: 'closed', closedReason: action.reason, remoteStream: null, link: 'idle' };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** Turns an ack into a promise that rejects with the server's `{code,message}`. */
function ackPromise<T>(send: (ack: (reply: Ack<T>) => void) => void, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject({ code: 'timeout', message: 'O servidor demorou para responder. Tente de novo.' } satisfies AckError), timeoutMs);
    send((reply) => {
      clearTimeout(timer);
      if (reply.ok) resolve(reply.data);
      else reject(reply.error);
    });
  });
}

/** Opens once the socket is connected and has (re)joined the room; a new one closes on each disconnect. */
interface JoinGate {
  promise: Promise<void>;
  open: () => void;
  isOpen: boolean;
}

function joinGate(): JoinGate {
  const gate = { isOpen: false } as JoinGate;
  gate.promise = new Promise<void>((resolve) => {
    gate.open = () => {
      gate.isOpen = true;
      resolve();
    };
  });
  return gate;
}

/** How long a message written while offline waits for the connection to come back before failing. */
const SEND_WHEN_BACK_MS = 15_000;

const debug = (() => {
  try {
    return localStorage.getItem('mc-debug-call') === '1';
  } catch {
    return false;
  }
})();

function log(message: string, detail?: unknown): void {
  if (debug) console.info(`[call] ${message}`, detail ?? '');
}

export interface SessionOptions {
  code: string;
  myUserId: string;
  role: 'doctor' | 'patient';
  /** Tracks to send, read whenever a peer connection needs them. */
  localTracks: () => LocalTracks;
  /** Our media state, re-sent after every (re)join so the other side shows the right badges. */
  mediaState: () => RemoteMedia;
  /** The patient arrived in the waiting room (the doctor hears a chime). */
  onPatientWaiting?: (name: string) => void;
  onMessage?: (message: ChatMessage) => void;
  /** The room closed for good (finalized, cancelled or closed by the server). */
  onClosed?: (durationSeconds?: number | null) => void;
  /** The patient must accept the consent term first. */
  onConsentRequired?: () => void;
}

/**
 * The room's realtime side: Socket.IO signaling (join on every connect, presence, admit, chat,
 * finalize) and the CallPeer that carries the media.
 */
export function useCallSession(options: SessionOptions) {
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const socketRef = useRef<CallSocket | null>(null);
  const peerRef = useRef<CallPeer | null>(null);
  const joinedRef = useRef<JoinGate>(joinGate());
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
    socketRef.current = socket;
    let closed = false;
    // Warm the ICE server cache, so the first peer connection does not wait for it.
    getIceServers().catch(() => undefined);
    const me = () => optionsRef.current.myUserId;

    const peer = new CallPeer({
      polite: role === 'patient',
      getIceServers,
      sendSignal: (message) => {
        if (!socket.connected) return;
        socket.emit('signal', { code, ...message } as Parameters<ClientToServerEvents['signal']>[0], (reply) => {
          if (reply && !reply.ok) log('signal refused', reply.error);
        });
      },
      localTracks: () => optionsRef.current.localTracks(),
      onRemoteStream: (stream) => dispatch({ type: 'remote-stream', stream }),
      onLinkState: (link) => dispatch({ type: 'link', link }),
      onConnected: () => {
        socket.emit('call:connected', { code }, (reply) => {
          if (reply?.ok && reply.data.startedAt) dispatch({ type: 'started', startedAt: reply.data.startedAt });
        });
      },
      log,
    });
    peerRef.current = peer;

    const sendMediaState = () => {
      if (socket.connected) socket.emit('media:state', { code, ...optionsRef.current.mediaState() });
    };

    const join = () => {
      const chatAfter = newestChatRef.current;
      ackPromise<JoinResult>((ack) => socket.emit('room:join', { code, ...(chatAfter ? { chatAfter } : {}) }, ack)).then(
        (result) => {
          if (closed) return;
          log('joined', { admitted: result.admitted, peer: result.peer.state });
          dispatch({ type: 'joined', result });
          joinedRef.current.open();
          sendMediaState();
          if (result.role === 'doctor' && result.peer.state === 'waiting') optionsRef.current.onPatientWaiting?.(result.peer.name);
        },
        (error: AckError) => {
          if (closed) return;
          log('join failed', error);
          if (error.code === 'timeout' && socket.connected) {
            setTimeout(() => {
              if (!closed && socket.connected) join();
            }, 2000);
            return;
          }
          if (error.code === 'room_closed') {
            peer.destroy();
            optionsRef.current.onClosed?.();
          }
          if (error.code === 'consent_required') optionsRef.current.onConsentRequired?.();
          dispatch({ type: 'join-failed', error });
        },
      );
    };

    // Every listener added here is removed on cleanup; other listeners on the socket stay.
    const offs: (() => void)[] = [];
    const listen = ((event: string, fn: (...args: never[]) => void) => {
      socket.on(event as never, fn as never);
      offs.push(() => socket.off(event as never, fn as never));
      return socket;
    }) as CallSocket['on'];

    listen('connect', () => {
      dispatch({ type: 'online', online: true });
      join();
    });
    listen('disconnect', () => {
      dispatch({ type: 'online', online: false });
      if (joinedRef.current.isOpen) joinedRef.current = joinGate();
      // Media keeps flowing; signaling comes back with the socket (the app's connection
      // reconnects by itself, also after the server closed it on purpose).
      peer.pause();
    });
    listen('connect_error', (error: Error & { data?: Partial<AckError> }) => {
      log('connect error', error.message);
      if (socket.active) return;
      // The server refused this connection (session over, too many tabs): say which, in its words.
      const refusal = error.data?.code && error.data.message ? { code: error.data.code, message: error.data.message } : null;
      dispatch({
        type: 'join-failed',
        error: refusal && refusal.code !== 'unauthenticated' ? refusal : { code: 'unauthenticated', message: 'Sua sessão terminou. Entre de novo para voltar à consulta.' },
      });
    });
    listen('presence', (p) => {
      if (p.code !== code || p.userId === me()) return;
      log(`presence ${p.role} ${p.state}`);
      dispatch({ type: 'presence', userId: p.userId, name: p.name, state: p.state });
      // "left" is on purpose: hang up. "offline" (grace period over) keeps media that still flows.
      if (p.state === 'left' || (p.state === 'offline' && peer.state !== 'connected')) peer.hangUp();
      else if (p.state === 'reconnecting' || p.state === 'offline') peer.pause();
      if (p.state === 'waiting' && p.role === 'patient') optionsRef.current.onPatientWaiting?.(p.name);
    });
    listen('room:admitted', (p) => {
      if (p.code === code) dispatch({ type: 'admitted' });
    });
    listen('call:start', (p) => {
      if (p.code !== code) return;
      log('call:start', p);
      peer.start(p.initiator);
      sendMediaState();
    });
    listen('signal', (p) => {
      if (p.code !== code) return;
      peer.signal({
        ...(p.description ? { description: p.description as RTCSessionDescriptionInit } : {}),
        ...(p.candidate ? { candidate: p.candidate as RTCIceCandidateInit } : {}),
      });
    });
    listen('media:state', (p) => {
      if (p.code === code && p.userId !== me()) dispatch({ type: 'remote-media', media: { audio: p.audio, video: p.video, screen: p.screen } });
    });
    listen('chat:message', (m) => {
      if (m.roomCode !== code) return;
      dispatch({ type: 'message', message: m });
      optionsRef.current.onMessage?.(m);
    });
    listen('consultation:started', (p) => {
      if (p.code === code) dispatch({ type: 'started', startedAt: p.startedAt });
    });
    listen('room:closed', (p) => {
      if (p.code !== code) return;
      peer.destroy();
      dispatch({ type: 'closed', reason: p.reason });
      optionsRef.current.onClosed?.();
    });
    listen('error:fatal', (e) => dispatch({ type: 'notice', notice: e.message }));

    // Already connected (the usual case: the app's connection opened on an earlier page).
    if (socket.connected) {
      dispatch({ type: 'online', online: true });
      join();
    }

    return () => {
      closed = true;
      joinedRef.current = joinGate();
      peer.destroy();
      // Leaves the room (the other side sees "left" at once); the connection stays for the app.
      if (socket.connected) socket.emit('room:leave', { code });
      for (const off of offs) off();
      socketRef.current = null;
      peerRef.current = null;
    };
  }, [socket, code, role]);

  const admit = useCallback(() => {
    const socket = socketRef.current;
    if (!socket) return Promise.reject({ code: 'offline', message: 'Sem conexão com o servidor.' } satisfies AckError);
    return ackPromise<null>((ack) => socket.emit('room:admit', { code }, ack));
  }, [code]);

  const sendChat = useCallback(
    async (text: string) => {
      const offline = { code: 'offline', message: 'Sem conexão com o servidor. A mensagem não foi enviada.' } satisfies AckError;
      // Written during a network drop or a server restart: send it once the room is rejoined.
      if (!joinedRef.current.isOpen) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(offline), SEND_WHEN_BACK_MS);
        });
        await Promise.race([joinedRef.current.promise, timeout]).finally(() => clearTimeout(timer));
      }
      const socket = socketRef.current;
      if (!socket?.connected) throw offline;
      const message = await ackPromise<ChatMessage>((ack) => socket.emit('chat:send', { code, text }, ack));
      dispatch({ type: 'message', message });
      return message;
    },
    [code],
  );

  const finalize = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket?.connected) throw { code: 'offline', message: 'Sem conexão com o servidor. Tente de novo em instantes.' } satisfies AckError;
    return ackPromise<{ durationSeconds: number | null }>((ack) => socket.emit('room:finalize', { code }, ack));
  }, [code]);

  /** Our microphone, camera or screen changed: swap the sent track and tell the other side. */
  const publishMedia = useCallback(
    (tracks: LocalTracks) => {
      const peer = peerRef.current;
      void peer?.replaceTrack('audio', tracks.audio).catch((e: unknown) => log('replace audio failed', e));
      void peer?.replaceTrack('video', tracks.video).catch((e: unknown) => log('replace video failed', e));
      const socket = socketRef.current;
      if (socket?.connected) socket.emit('media:state', { code, ...optionsRef.current.mediaState() });
    },
    [code],
  );

  const getStats = useCallback(() => peerRef.current?.getStats() ?? Promise.resolve(null), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'notice', notice: null }), []);

  return { state, admit, sendChat, finalize, publishMedia, getStats, dismissNotice };
}
