import type { LocalTracks, SignalMessage } from './call-peer-types';
import { SendRamp } from './send-ramp';

/** What an attempt needs from the CallPeer that owns it; events count only while it is current. */
export interface AttemptHost {
  readonly polite: boolean;
  readonly localStream: MediaStream;
  isCurrent(attempt: ConnectionAttempt): boolean;
  sendSignal(message: SignalMessage): void;
  localTracks(): LocalTracks;
  onTrack(attempt: ConnectionAttempt, track: MediaStreamTrack): void;
  onConnectionState(attempt: ConnectionAttempt): void;
  onIceFailed(attempt: ConnectionAttempt): void;
  onNegotiationNeeded(attempt: ConnectionAttempt): void;
  log(message: string, detail?: unknown): void;
}

/**
 * One RTCPeerConnection and what we know about it. The CallPeer replaces the whole attempt when
 * it starts over, so every flag below starts fresh with each new connection.
 */
export class ConnectionAttempt {
  readonly pc: RTCPeerConnection;
  /** The first offer/answer of this connection completed; only then does negotiationneeded count. */
  negotiated = false;
  makingOffer = false;
  ignoreOffer = false;
  hasRemoteTrack = false;
  connectedReported = false;
  /** This connection was connected at least once (an ICE restart may then bring it back). */
  everConnected = false;
  fallbackOffered = false;
  restartTried = false;
  /** Since when the connection has not been connected (0 while connected). */
  waitingSince = Date.now();
  /** Our video sender, started small and stepped up once frames flow (send-ramp.ts). */
  private ramp: SendRamp | null = null;

  constructor(
    iceServers: RTCIceServer[],
    private readonly host: AttemptHost,
  ) {
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    pc.onicecandidate = ({ candidate }) => {
      if (host.isCurrent(this) && candidate) host.sendSignal({ candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      if (host.isCurrent(this)) host.onTrack(this, track);
    };
    pc.onconnectionstatechange = () => {
      if (host.isCurrent(this)) host.onConnectionState(this);
    };
    pc.oniceconnectionstatechange = () => {
      if (host.isCurrent(this) && pc.iceConnectionState === 'failed') host.onIceFailed(this);
    };
    pc.onsignalingstatechange = () => {
      if (host.isCurrent(this) && pc.signalingState === 'stable' && pc.localDescription && pc.remoteDescription) this.negotiated = true;
    };
    pc.onnegotiationneeded = () => {
      // The first offer belongs to the initiator (explicitly); later ones follow perfect negotiation.
      if (host.isCurrent(this) && this.negotiated) host.onNegotiationNeeded(this);
    };
  }

  /** Updates what we know from a connection state change; says how the link looks now. */
  noteConnectionState(): 'connected' | 'down' | 'connecting' | null {
    switch (this.pc.connectionState) {
      case 'connected':
        this.everConnected = true;
        this.restartTried = false;
        this.waitingSince = 0;
        return 'connected';
      case 'disconnected':
      case 'failed':
        if (this.waitingSince === 0) this.waitingSince = Date.now();
        return 'down';
      case 'new':
      case 'connecting':
        if (this.waitingSince === 0) this.waitingSince = Date.now();
        return 'connecting';
      default:
        return null;
    }
  }

  /** Stops listening and closes the connection. */
  close(): void {
    this.ramp?.stop();
    const pc = this.pc;
    pc.onicecandidate = null;
    pc.ontrack = null;
    pc.onconnectionstatechange = null;
    pc.oniceconnectionstatechange = null;
    pc.onsignalingstatechange = null;
    pc.onnegotiationneeded = null;
    pc.close();
  }

  /** Sends an offer with our tracks, when this is still the current connection and nothing is pending. */
  async offer(): Promise<void> {
    const pc = this.pc;
    if (!this.host.isCurrent(this) || pc.signalingState !== 'stable') return;
    await this.attachLocalTracks(true);
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (!this.host.isCurrent(this) || !pc.localDescription) return;
      this.host.sendSignal({ description: pc.localDescription.toJSON() as RTCSessionDescriptionInit });
    } finally {
      this.makingOffer = false;
    }
  }

  /** Perfect negotiation: false when the description must be ignored (the impolite side's collision, a stale answer). */
  accepts(type: 'offer' | 'answer'): boolean {
    const pc = this.pc;
    const collision = type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.host.polite && collision;
    if (this.ignoreOffer) {
      this.host.log('offer collision: keeping ours');
      return false;
    }
    if (type === 'answer' && pc.signalingState !== 'have-local-offer') {
      this.host.log('answer for an offer we no longer have: ignored');
      return false;
    }
    return true;
  }

  /** Answers the offer just set as remote description. */
  async answer(): Promise<void> {
    const pc = this.pc;
    await this.attachLocalTracks(false);
    await pc.setLocalDescription();
    if (this.host.isCurrent(this) && pc.localDescription) this.host.sendSignal({ description: pc.localDescription.toJSON() as RTCSessionDescriptionInit });
  }

  /** Swaps what we send on the live transceiver of that kind, without renegotiating. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const transceiver = transceiverOf(this.pc, kind);
    if (transceiver && transceiver.sender.track !== track) await transceiver.sender.replaceTrack(track);
  }

  async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    const pc = this.pc;
    if (!pc.remoteDescription) return;
    try {
      await pc.addIceCandidate(candidate);
    } catch (error) {
      if (!this.ignoreOffer) this.host.log('ICE candidate rejected', error);
    }
  }

  /** Puts our tracks on the audio and video transceivers (creating them when we offer). */
  private async attachLocalTracks(create: boolean): Promise<void> {
    const pc = this.pc;
    const tracks = this.host.localTracks();
    for (const kind of ['audio', 'video'] as const) {
      let transceiver = transceiverOf(pc, kind);
      if (!transceiver) {
        if (!create) continue;
        transceiver = pc.addTransceiver(kind, { direction: 'sendrecv', streams: [this.host.localStream] });
      } else if (transceiver.direction !== 'sendrecv') {
        transceiver.direction = 'sendrecv';
        transceiver.sender.setStreams(this.host.localStream);
      }
      const track = tracks[kind];
      // The first time this connection sends video: small first frames, full size once they flow.
      if (kind === 'video' && !this.ramp) {
        this.ramp = new SendRamp(pc, transceiver.sender, (m, d) => this.host.log(m, d));
        await this.ramp.begin(track);
      }
      if (transceiver.sender.track !== track) await transceiver.sender.replaceTrack(track);
    }
  }
}

/** The live transceiver that carries audio or video. */
export function transceiverOf(pc: RTCPeerConnection, kind: 'audio' | 'video'): RTCRtpTransceiver | null {
  return pc.getTransceivers().find((t) => t.receiver.track.kind === kind && t.direction !== 'stopped' && t.currentDirection !== 'stopped') ?? null;
}
