/** What travels through the signaling server between the two peers. */
export interface SignalMessage {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
}

/** The media link as the person sees it. */
export type LinkState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface LocalTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

export interface PeerTiming {
  /** How often the watchdog looks at the connection. */
  tickMs: number;
  /** The initiator restarts ICE, then recreates the connection, after this long without "connected". */
  watchdogMs: number;
  /** The answerer offers itself when no offer arrived this long after call:start (the other side kept a stale connection). */
  fallbackOfferMs: number;
}

export const DEFAULT_TIMING: PeerTiming = { tickMs: 500, watchdogMs: 5000, fallbackOfferMs: 1500 };

export interface CallPeerOptions {
  /** Perfect negotiation: the polite peer (the patient) yields when both offer at once. */
  polite: boolean;
  getIceServers: () => Promise<RTCIceServer[]>;
  sendSignal: (message: SignalMessage) => void;
  /** The tracks to send right now (either may be null: camera off, no microphone). */
  localTracks: () => LocalTracks;
  onRemoteStream: (stream: MediaStream | null) => void;
  onLinkState: (state: LinkState) => void;
  /** The connection is up and a remote track arrived (the server then starts the consultation). */
  onConnected: () => void;
  log?: (message: string, detail?: unknown) => void;
  timing?: Partial<PeerTiming>;
}
