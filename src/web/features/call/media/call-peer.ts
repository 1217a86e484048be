import { DEFAULT_TIMING } from './call-peer-types';
import type { CallPeerOptions, LinkState, SignalMessage } from './call-peer-types';
import { ConnectionAttempt } from './connection-attempt';
import type { AttemptHost } from './connection-attempt';
import { PeerOutputs } from './peer-outputs';
import { PeerWatchdog } from './peer-watchdog';
import type { WatchedPeer } from './peer-watchdog';
import { SerialQueue } from './serial-queue';
import { sessionIdOf } from './sdp';

/**
 * One side of the call's RTCPeerConnection, kept alive through network trouble:
 *
 * - `call:start` decides who offers first (the member who was already there); the newcomer
 *   only answers, because simultaneous first offers make Chromium fail about one call in three.
 * - Later renegotiation (ICE restart) uses MDN's perfect negotiation (ConnectionAttempt).
 * - Incoming signals, call starts and offers run strictly one at a time on a promise chain.
 * - A watchdog restarts ICE, then recreates the connection, when it does not connect in time.
 * - An offer from a different remote connection (SDP origin session id changed: the other page
 *   reloaded) replaces ours with a fresh one instead of renegotiating a dead one.
 */
export class CallPeer {
  private current: ConnectionAttempt | null = null;
  private initiator = false;
  /** The other member is in the call and signaling works: the watchdog may act. */
  private active = false;
  private destroyed = false;
  /** The SDP session of the other side's connection (kept when ours closes, to spot a new one). */
  private remoteSessionId: string | null = null;
  /** Connected at least once since call:start (so a new attempt says "Reconectando…"). */
  private everConnected = false;
  private readonly out: PeerOutputs;
  private readonly queue: SerialQueue;
  private readonly watchdog: PeerWatchdog;
  private readonly host: AttemptHost;
  private readonly log = (message: string, detail?: unknown): void => this.options.log?.(message, detail);

  constructor(private readonly options: CallPeerOptions) {
    this.out = new PeerOutputs(options);
    this.queue = new SerialQueue(() => this.destroyed, this.log);
    this.host = {
      polite: options.polite,
      localStream: new MediaStream(),
      isCurrent: (attempt) => attempt === this.current,
      sendSignal: (message) => options.sendSignal(message),
      localTracks: () => options.localTracks(),
      onTrack: (attempt, track) => {
        this.out.addTrack(track);
        attempt.hasRemoteTrack = true;
        this.out.reportConnected(this.current);
      },
      onConnectionState: (attempt) => this.onConnectionState(attempt),
      onIceFailed: (attempt) => this.watchdog.iceFailed(attempt),
      onNegotiationNeeded: (attempt) => this.queue.run('renegotiation', () => attempt.offer()),
      log: this.log,
    };
    const watched: WatchedPeer = {
      current: () => this.current,
      initiator: () => this.initiator,
      watching: () => this.active && !this.destroyed,
      enqueue: (label, task) => this.queue.run(label, task),
      startOver: () => this.startOver(),
      log: this.log,
    };
    this.watchdog = new PeerWatchdog(watched, { ...DEFAULT_TIMING, ...options.timing });
  }

  /** The server said both members are in: keep a working connection, or start a new one. */
  start(initiator: boolean): void {
    this.initiator = initiator;
    this.active = true;
    this.queue.run('call:start', async () => {
      const attempt = this.current;
      const role = initiator ? 'initiator' : 'answerer';
      if (attempt && attempt.pc.connectionState === 'connected') {
        this.log(`call:start (${role}): keeping the connected peer connection`);
        // The server forgets who was connected when it restarts: tell it again.
        attempt.connectedReported = false;
        this.out.reportConnected(attempt);
        return;
      }
      this.log(`call:start (${role}): new peer connection`);
      await this.recreate();
      if (this.initiator) await this.current?.offer();
    });
  }

  /** A signal relayed from the other member. */
  signal(message: SignalMessage): void {
    this.queue.run('signal', () => this.handleSignal(message));
  }

  /** The other member dropped (reconnecting) or our socket did: keep the media, stop the watchdog. */
  pause(): void {
    this.active = false;
  }

  /** The other member left: close the connection and wait for the next call:start. */
  hangUp(): void {
    this.active = false;
    this.queue.run('hang up', async () => {
      this.closeCurrent();
      this.everConnected = false;
      this.out.setRemoteStream(null);
      this.out.setLink('idle');
    });
  }

  /** Ends everything (leaving the page, room closed). */
  destroy(): void {
    this.destroyed = true;
    this.active = false;
    this.watchdog.stop();
    this.closeCurrent();
    this.out.setRemoteStream(null);
  }

  /** Swaps what we send (device switch, screen share, camera off) without renegotiating. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    await this.current?.replaceTrack(kind, track);
  }

  /** Statistics of the current connection, for the quality indicator. */
  async getStats(): Promise<RTCStatsReport | null> {
    const pc = this.current?.pc;
    return pc?.connectionState === 'connected' ? pc.getStats() : null;
  }

  get state(): LinkState {
    return this.out.state;
  }

  private async recreate(): Promise<void> {
    this.closeCurrent();
    let iceServers: RTCIceServer[] = [];
    try {
      iceServers = await this.options.getIceServers();
    } catch (error) {
      this.log('ICE servers unavailable, trying without', error);
    }
    if (this.destroyed) return;
    this.current = new ConnectionAttempt(iceServers, this.host);
    this.remoteSessionId = null;
    this.out.setRemoteStream(null);
    this.out.setLink(this.everConnected ? 'reconnecting' : 'connecting');
  }

  private async startOver(): Promise<void> {
    await this.recreate();
    await this.current?.offer();
  }

  private closeCurrent(): void {
    const attempt = this.current;
    this.current = null;
    attempt?.close();
  }

  private async handleSignal({ description, candidate }: SignalMessage): Promise<void> {
    if (!description) {
      if (candidate) await this.current?.addCandidate(candidate);
      return;
    }
    if (description.type !== 'offer' && description.type !== 'answer') return;
    const sessionId = sessionIdOf(description.sdp);
    const fromNewPeer = this.remoteSessionId !== null && sessionId !== null && sessionId !== this.remoteSessionId;
    if (!this.current || (description.type === 'offer' && fromNewPeer)) {
      if (fromNewPeer) this.log('offer from a new remote connection: starting fresh');
      await this.recreate();
    }
    const attempt = this.current;
    if (!attempt) return;
    if (description.type === 'answer' && fromNewPeer) {
      // They answered from a connection that never knew ours: start over cleanly.
      this.log('answer from a new remote connection: starting over');
      await this.startOver();
      return;
    }
    if (!attempt.accepts(description.type)) return;
    // The polite peer rolls back its own offer implicitly here.
    await attempt.pc.setRemoteDescription(description);
    if (sessionId) this.remoteSessionId = sessionId;
    if (description.type === 'offer') await attempt.answer();
  }

  private onConnectionState(attempt: ConnectionAttempt): void {
    this.log(`connection ${attempt.pc.connectionState}`);
    const seen = attempt.noteConnectionState();
    if (seen === 'connected') {
      this.everConnected = true;
      this.out.setLink('connected');
      this.out.reportConnected(attempt);
    } else if (seen === 'down') {
      this.out.setLink('reconnecting');
      if (attempt.pc.connectionState === 'failed') this.watchdog.iceFailed(attempt);
    } else if (seen === 'connecting') {
      this.out.setLink(this.everConnected ? 'reconnecting' : 'connecting');
    }
  }
}
