import type { AckError, JoinResult, PresenceState, RoomClosedReason } from '#shared/realtime/events.ts';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import type { LinkState } from '#web/features/call/media/call-peer-types.ts';

export type SessionPhase = 'joining' | 'waiting' | 'in_call' | 'closed' | 'failed';

export interface RemoteMedia {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

/** The room as the call screens see it: what the server and the peer connection said so far. */
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

export const INITIAL_SESSION: SessionState = {
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

/** Everything that changes the session: server events, acks and the peer connection's news. */
export type SessionAction =
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

/** Chat messages by id (a rejoin resends some), oldest first. */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

/** Pure: once closed, only chat messages still arrive (the last ones sent before the end). */
export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
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
      return action.error.code === 'room_closed'
        ? { ...state, phase: 'closed', closedReason: 'finalized' }
        : { ...state, phase: 'failed', error: action.error };
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
