import { sessionIdOf } from './sdp';

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

interface Timing {
  /** How often the watchdog looks at the connection. */
  tickMs: number;
  /** The initiator restarts ICE, then recreates the connection, after this long without "connected". */
  watchdogMs: number;
  /** The answerer offers itself when no offer arrived this long after call:start (the other side kept a stale connection). */
  fallbackOfferMs: number;
}

const DEFAULT_TIMING: Timing = { tickMs: 500, watchdogMs: 5000, fallbackOfferMs: 1500 };

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
  timing?: Partial<Timing>;
}

/**
 * One side of the call's RTCPeerConnection, kept alive through network trouble:
 *
 * - `call:start` decides who offers first (the member who was already there); the newcomer
 *   only answers, because simultaneous first offers make Chromium fail about one call in three.
 * - Later renegotiation (ICE restart) uses MDN's perfect negotiation.
 * - Incoming signals, call starts and offers run strictly one at a time on a promise chain.
 * - A watchdog restarts ICE, then recreates the connection, when it does not connect in time.
 * - An offer from a different remote connection (SDP origin session id changed: the other page
 *   reloaded) replaces ours with a fresh one instead of renegotiating a dead one.
 */
export class CallPeer {
  private pc: RTCPeerConnection | null = null;
  private queue: Promise<void> = Promise.resolve();
  private initiator = false;
  /** The other member is in the call and signaling works: the watchdog may act. */
  private active = false;
  private destroyed = false;
  private makingOffer = false;
  private ignoreOffer = false;
  /** The first offer/answer of this connection completed; only then does negotiationneeded count. */
  private negotiated = false;
  private remoteSessionId: string | null = null;
  private remoteStream: MediaStream | null = null;
  private hasRemoteTrack = false;
  private connectedReported = false;
  /** Connected at least once since call:start (so a new attempt says "Reconectando…"). */
  private everConnected = false;
  private pcEverConnected = false;
  private fallbackOffered = false;
  private restartTried = false;
  /** Since when the connection has not been connected (0 while connected). */
  private waitingSince = 0;
  private link: LinkState = 'idle';
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly localStream = new MediaStream();
  private readonly timing: Timing;

  constructor(private readonly options: CallPeerOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.timer = setInterval(() => this.tick(), this.timing.tickMs);
  }

  /** The server said both members are in: keep a working connection, or start a new one. */
  start(initiator: boolean): void {
    this.initiator = initiator;
    this.active = true;
    this.enqueue('call:start', async () => {
      const pc = this.pc;
      if (pc && pc.connectionState === 'connected') {
        this.log(`call:start (${initiator ? 'initiator' : 'answerer'}): keeping the connected peer connection`);
        // The server forgets who was connected when it restarts: tell it again.
        this.connectedReported = false;
        this.reportConnected();
        return;
      }
      this.log(`call:start (${initiator ? 'initiator' : 'answerer'}): new peer connection`);
      await this.recreate();
      if (this.initiator) await this.offer();
    });
  }

  /** A signal relayed from the other member. */
  signal(message: SignalMessage): void {
    this.enqueue('signal', () => this.handleSignal(message));
  }

  /** The other member dropped (reconnecting) or our socket did: keep the media, stop the watchdog. */
  pause(): void {
    this.active = false;
  }

  /** The other member left: close the connection and wait for the next call:start. */
  hangUp(): void {
    this.active = false;
    this.enqueue('hang up', async () => {
      this.closePc();
      this.everConnected = false;
      this.setRemoteStream(null);
      this.setLink('idle');
    });
  }

  /** Ends everything (leaving the page, room closed). */
  destroy(): void {
    this.destroyed = true;
    this.active = false;
    clearInterval(this.timer);
    this.closePc();
    this.setRemoteStream(null);
  }

  /** Swaps what we send (device switch, screen share, camera off) without renegotiating. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const pc = this.pc;
    if (!pc) return;
    const transceiver = transceiverOf(pc, kind);
    if (transceiver && transceiver.sender.track !== track) await transceiver.sender.replaceTrack(track);
  }

  /** Statistics of the current connection, for the quality indicator. */
  async getStats(): Promise<RTCStatsReport | null> {
    const pc = this.pc;
    if (!pc || pc.connectionState !== 'connected') return null;
    return pc.getStats();
  }

  get state(): LinkState {
    return this.link;
  }

  private log(message: string, detail?: unknown): void {
    this.options.log?.(message, detail);
  }

  private enqueue(label: string, task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.destroyed) return;
      try {
        await task();
      } catch (error) {
        this.log(`${label} failed`, error);
      }
    });
  }

  private async recreate(): Promise<void> {
    this.closePc();
    let iceServers: RTCIceServer[] = [];
    try {
      iceServers = await this.options.getIceServers();
    } catch (error) {
      this.log('ICE servers unavailable, trying without', error);
    }
    if (this.destroyed) return;
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    this.negotiated = false;
    this.remoteSessionId = null;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.hasRemoteTrack = false;
    this.connectedReported = false;
    this.pcEverConnected = false;
    this.fallbackOffered = false;
    this.restartTried = false;
    this.waitingSince = Date.now();
    this.setRemoteStream(null);
    this.setLink(this.everConnected ? 'reconnecting' : 'connecting');

    pc.onicecandidate = ({ candidate }) => {
      if (pc === this.pc && candidate) this.options.sendSignal({ candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      if (pc !== this.pc) return;
      const others = this.remoteStream?.getTracks().filter((t) => t.kind !== track.kind) ?? [];
      this.setRemoteStream(new MediaStream([...others, track]));
      this.hasRemoteTrack = true;
      this.reportConnected();
    };
    pc.onconnectionstatechange = () => {
      if (pc === this.pc) this.onConnectionState(pc);
    };
    pc.oniceconnectionstatechange = () => {
      if (pc === this.pc && pc.iceConnectionState === 'failed') this.onFailed(pc);
    };
    pc.onsignalingstatechange = () => {
      if (pc === this.pc && pc.signalingState === 'stable' && pc.localDescription && pc.remoteDescription) this.negotiated = true;
    };
    pc.onnegotiationneeded = () => {
      // The first offer belongs to the initiator (explicitly); later ones follow perfect negotiation.
      if (pc === this.pc && this.negotiated) this.enqueue('renegotiation', () => this.offer(pc));
    };
  }

  private closePc(): void {
    const pc = this.pc;
    this.pc = null;
    if (!pc) return;
    pc.onicecandidate = null;
    pc.ontrack = null;
    pc.onconnectionstatechange = null;
    pc.oniceconnectionstatechange = null;
    pc.onsignalingstatechange = null;
    pc.onnegotiationneeded = null;
    pc.close();
  }

  private async offer(pc: RTCPeerConnection | null = this.pc): Promise<void> {
    if (!pc || pc !== this.pc || pc.signalingState !== 'stable') return;
    await this.attachLocalTracks(pc, true);
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (pc !== this.pc || !pc.localDescription) return;
      this.options.sendSignal({ description: pc.localDescription.toJSON() as RTCSessionDescriptionInit });
    } finally {
      this.makingOffer = false;
    }
  }

  private async handleSignal({ description, candidate }: SignalMessage): Promise<void> {
    if (description) {
      if (description.type !== 'offer' && description.type !== 'answer') return;
      const sessionId = sessionIdOf(description.sdp);
      const fromNewPeer = this.remoteSessionId !== null && sessionId !== null && sessionId !== this.remoteSessionId;
      if (!this.pc || (description.type === 'offer' && fromNewPeer)) {
        if (fromNewPeer) this.log('offer from a new remote connection: starting fresh');
        await this.recreate();
      }
      const pc = this.pc;
      if (!pc) return;
      if (description.type === 'answer' && fromNewPeer) {
        // They answered from a connection that never knew ours: start over cleanly.
        this.log('answer from a new remote connection: starting over');
        await this.recreate();
        await this.offer();
        return;
      }
      const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) {
        this.log('offer collision: keeping ours');
        return;
      }
      if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') {
        this.log('answer for an offer we no longer have: ignored');
        return;
      }
      // The polite peer rolls back its own offer implicitly here.
      await pc.setRemoteDescription(description);
      if (sessionId) this.remoteSessionId = sessionId;
      if (description.type === 'offer') {
        await this.attachLocalTracks(pc, false);
        await pc.setLocalDescription();
        if (pc === this.pc && pc.localDescription) this.options.sendSignal({ description: pc.localDescription.toJSON() as RTCSessionDescriptionInit });
      }
      return;
    }
    if (candidate) {
      const pc = this.pc;
      if (!pc || !pc.remoteDescription) return;
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!this.ignoreOffer) this.log('ICE candidate rejected', error);
      }
    }
  }

  /** Puts our tracks on the audio and video transceivers (creating them when we offer). */
  private async attachLocalTracks(pc: RTCPeerConnection, create: boolean): Promise<void> {
    const tracks = this.options.localTracks();
    for (const kind of ['audio', 'video'] as const) {
      let transceiver = transceiverOf(pc, kind);
      if (!transceiver) {
        if (!create) continue;
        transceiver = pc.addTransceiver(kind, { direction: 'sendrecv', streams: [this.localStream] });
      } else if (transceiver.direction !== 'sendrecv') {
        transceiver.direction = 'sendrecv';
        transceiver.sender.setStreams(this.localStream);
      }
      const track = tracks[kind];
      if (transceiver.sender.track !== track) await transceiver.sender.replaceTrack(track);
    }
  }

  private onConnectionState(pc: RTCPeerConnection): void {
    this.log(`connection ${pc.connectionState}`);
    switch (pc.connectionState) {
      case 'connected':
        this.pcEverConnected = true;
        this.everConnected = true;
        this.restartTried = false;
        this.waitingSince = 0;
        this.setLink('connected');
        this.reportConnected();
        break;
      case 'disconnected':
      case 'failed':
        if (this.waitingSince === 0) this.waitingSince = Date.now();
        this.setLink('reconnecting');
        if (pc.connectionState === 'failed') this.onFailed(pc);
        break;
      case 'new':
      case 'connecting':
        if (this.waitingSince === 0) this.waitingSince = Date.now();
        this.setLink(this.everConnected ? 'reconnecting' : 'connecting');
        break;
      default:
        break;
    }
  }

  private onFailed(pc: RTCPeerConnection): void {
    if (!this.initiator || !this.active || !this.negotiated || this.restartTried) return;
    this.restartTried = true;
    this.log('connection failed: ICE restart');
    pc.restartIce();
  }

  private tick(): void {
    const pc = this.pc;
    if (!pc || !this.active || this.destroyed || pc.connectionState === 'connected') return;
    if (this.waitingSince === 0) this.waitingSince = Date.now();
    const waited = Date.now() - this.waitingSince;
    if (!this.initiator) {
      // The initiator may still hold a connection to our previous page and see no reason to offer.
      if (!this.fallbackOffered && !pc.remoteDescription && !pc.localDescription && waited >= this.timing.fallbackOfferMs) {
        this.fallbackOffered = true;
        this.log('no offer arrived: offering ourselves');
        this.enqueue('fallback offer', () => this.offer(pc));
      }
      return;
    }
    if (waited < this.timing.watchdogMs) return;
    this.waitingSince = Date.now();
    if (this.pcEverConnected && this.negotiated && !this.restartTried) {
      this.restartTried = true;
      this.log('watchdog: ICE restart');
      pc.restartIce();
      return;
    }
    this.log('watchdog: not connected in time, new peer connection');
    this.enqueue('watchdog', async () => {
      if (this.pc !== pc || !this.active) return;
      await this.recreate();
      await this.offer();
    });
  }

  private reportConnected(): void {
    const pc = this.pc;
    if (this.connectedReported || !pc || pc.connectionState !== 'connected' || !this.hasRemoteTrack) return;
    this.connectedReported = true;
    this.options.onConnected();
  }

  private setRemoteStream(stream: MediaStream | null): void {
    if (stream === this.remoteStream) return;
    this.remoteStream = stream;
    this.options.onRemoteStream(stream);
  }

  private setLink(state: LinkState): void {
    if (state === this.link) return;
    this.link = state;
    this.options.onLinkState(state);
  }
}

function transceiverOf(pc: RTCPeerConnection, kind: 'audio' | 'video'): RTCRtpTransceiver | null {
  return pc.getTransceivers().find((t) => t.receiver.track.kind === kind && t.direction !== 'stopped' && t.currentDirection !== 'stopped') ?? null;
}
