import type { ChatMessage } from '#shared/schemas/rooms.ts';
import type { AppSocket } from '#web/lib/app-socket.ts';
import type { CallPeer } from '#web/features/call/media/call-peer.ts';
import type { LocalTracks } from '#web/features/call/media/call-peer-types.ts';
import type { RemoteMedia } from '#web/features/call/model/session-reducer.ts';

/** The part of the tab's Socket.IO connection the call uses. */
export type SignalingSocket = Pick<AppSocket, 'on' | 'off' | 'emit' | 'connected' | 'active'>;

/** The page's side of the session, read whenever needed (it changes with every render). */
export interface SessionHooks {
  myUserId: string;
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

/** What the signaling client uses of its CallPeer. */
export type SessionPeer = Pick<CallPeer, 'start' | 'signal' | 'pause' | 'hangUp' | 'destroy' | 'replaceTrack' | 'getStats' | 'state'>;
