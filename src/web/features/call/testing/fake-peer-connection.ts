import { FakeTrack } from './fake-media';

type Description = { type: RTCSdpType; sdp: string; toJSON: () => RTCSessionDescriptionInit };

let nextSession = 461173140043;

function description(type: RTCSdpType, session: string, version: number): Description {
  const sdp = `v=0\r\no=- ${session} ${version} IN IP4 127.0.0.1\r\ns=-\r\n`;
  return { type, sdp, toJSON: () => ({ type, sdp }) };
}

type Encoding = { active: boolean; scaleResolutionDownBy?: number };

/** A sender with one encoding (as Chromium's has before and after negotiation) and statistics tests set. */
export class FakeSender {
  track: FakeTrack | null = null;
  streams: unknown[] = [];
  encodings: Encoding[] = [{ active: true }];
  /** Test knobs: what getStats reports, and the next setParameters failures. */
  framesSent = 0;
  availableOutgoingBitrate: number | undefined = undefined;
  refuseParameters = 0;
  private transaction = 0;
  async replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track;
  }
  setStreams(...streams: unknown[]): void {
    this.streams = streams;
  }
  getParameters(): { transactionId: string; encodings: Encoding[] } {
    return { transactionId: String(++this.transaction), encodings: this.encodings.map((e) => ({ ...e })) };
  }
  async setParameters(parameters: { transactionId: string; encodings: Encoding[] }): Promise<void> {
    await Promise.resolve();
    if (this.refuseParameters > 0) {
      this.refuseParameters--;
      throw new DOMException('refused', 'InvalidModificationError');
    }
    if (parameters.transactionId !== String(this.transaction)) throw new DOMException('stale parameters', 'InvalidModificationError');
    this.encodings = parameters.encodings.map((e) => ({ ...e }));
  }
  async getStats(): Promise<Map<string, Record<string, unknown>>> {
    const stats = new Map<string, Record<string, unknown>>([['OT1', { type: 'outbound-rtp', kind: 'video', framesSent: this.framesSent }]]);
    if (this.availableOutgoingBitrate !== undefined) stats.set('CP1', { type: 'candidate-pair', availableOutgoingBitrate: this.availableOutgoingBitrate });
    return stats;
  }
}

class FakeTransceiver {
  currentDirection: string | null = null;
  readonly sender = new FakeSender();
  readonly receiver: { track: FakeTrack };
  constructor(
    kind: 'audio' | 'video',
    public direction: string,
  ) {
    this.receiver = { track: new FakeTrack(kind) };
  }
}

/**
 * A small RTCPeerConnection: signaling states with implicit offer/answer/rollback as in perfect
 * negotiation, transceivers and senders, and helpers for tests to move its connection and ICE
 * states and to deliver remote tracks and candidates.
 */
export class FakePeerConnection {
  static all: FakePeerConnection[] = [];
  readonly session = String(nextSession++);
  signalingState: RTCSignalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'new';
  iceConnectionState: RTCIceConnectionState = 'new';
  localDescription: Description | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  readonly transceivers: FakeTransceiver[] = [];
  readonly candidates: RTCIceCandidateInit[] = [];
  restartIceCalls = 0;
  closed = false;
  onicecandidate: ((event: { candidate: { toJSON: () => RTCIceCandidateInit } | null }) => void) | null = null;
  ontrack: ((event: { track: FakeTrack }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  oniceconnectionstatechange: (() => void) | null = null;
  onsignalingstatechange: (() => void) | null = null;
  onnegotiationneeded: (() => void) | null = null;
  private version = 1;
  private stableLocal: Description | null = null;

  constructor(readonly config: RTCConfiguration) {
    FakePeerConnection.all.push(this);
  }

  addTransceiver(kind: 'audio' | 'video', init: { direction: string }): FakeTransceiver {
    const transceiver = new FakeTransceiver(kind, init.direction);
    this.transceivers.push(transceiver);
    return transceiver;
  }

  getTransceivers(): FakeTransceiver[] {
    return this.transceivers;
  }

  async setLocalDescription(): Promise<void> {
    await Promise.resolve();
    if (this.closed) throw new DOMException('closed', 'InvalidStateError');
    if (this.signalingState === 'have-remote-offer') {
      this.localDescription = description('answer', this.session, this.version++);
      this.setSignaling('stable');
    } else {
      this.localDescription = description('offer', this.session, this.version++);
      this.setSignaling('have-local-offer');
    }
  }

  async setRemoteDescription(remote: RTCSessionDescriptionInit): Promise<void> {
    await Promise.resolve();
    if (this.closed) throw new DOMException('closed', 'InvalidStateError');
    if (remote.type === 'offer') {
      if (this.signalingState === 'have-local-offer') {
        // Implicit rollback of our own offer (the polite side).
        this.localDescription = this.stableLocal;
        this.setSignaling('stable');
      }
      for (const kind of ['audio', 'video'] as const) {
        if (!this.transceivers.some((t) => t.receiver.track.kind === kind)) this.addTransceiver(kind, { direction: 'recvonly' });
      }
      this.remoteDescription = remote;
      this.setSignaling('have-remote-offer');
      return;
    }
    if (this.signalingState !== 'have-local-offer') throw new DOMException('no offer', 'InvalidStateError');
    this.remoteDescription = remote;
    this.setSignaling('stable');
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (candidate.candidate === 'bad') throw new DOMException('bad candidate', 'OperationError');
    this.candidates.push(candidate);
  }

  restartIce(): void {
    this.restartIceCalls++;
  }

  async getStats(): Promise<Map<string, unknown>> {
    return new Map([['T1', { id: 'T1', type: 'transport' }]]);
  }

  close(): void {
    this.closed = true;
    this.signalingState = 'closed';
    this.connectionState = 'closed';
  }

  /** Test helper: the connection reached a new state. */
  setConnection(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }

  setIce(state: RTCIceConnectionState): void {
    this.iceConnectionState = state;
    this.oniceconnectionstatechange?.();
  }

  /** Test helper: the other side's media arrived. */
  receive(kind: 'audio' | 'video'): FakeTrack {
    const track = new FakeTrack(kind);
    this.ontrack?.({ track });
    return track;
  }

  /** Test helper: a local ICE candidate was gathered (null: gathering done). */
  gather(candidate: RTCIceCandidateInit | null): void {
    this.onicecandidate?.({ candidate: candidate ? { toJSON: () => candidate } : null });
  }

  private setSignaling(state: RTCSignalingState): void {
    this.signalingState = state;
    if (state === 'stable') this.stableLocal = this.localDescription;
    this.onsignalingstatechange?.();
  }
}
