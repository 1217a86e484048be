import type { PeerTiming } from './call-peer-types';
import type { ConnectionAttempt } from './connection-attempt';

/** What the watchdog does on one tick while the connection is not connected. */
export type WatchdogStep = 'wait' | 'fallback-offer' | 'restart-ice' | 'recreate';

export interface WatchdogView {
  /** We make the first offer (the member who was in the room first). */
  initiator: boolean;
  /** How long the connection has not been connected. */
  waitedMs: number;
  /** An offer or answer was set on either side of this connection. */
  hasDescription: boolean;
  fallbackOffered: boolean;
  /** This connection was connected once and has negotiated: an ICE restart may bring it back. */
  everConnected: boolean;
  negotiated: boolean;
  restartTried: boolean;
}

/**
 * Pure: the answerer offers itself once when no offer came in time (the initiator may still hold a
 * connection to our previous page and see no reason to offer); the initiator first restarts ICE on
 * a connection that worked, then starts a new one.
 */
export function watchdogStep(view: WatchdogView, timing: PeerTiming): WatchdogStep {
  if (!view.initiator) {
    return !view.fallbackOffered && !view.hasDescription && view.waitedMs >= timing.fallbackOfferMs ? 'fallback-offer' : 'wait';
  }
  if (view.waitedMs < timing.watchdogMs) return 'wait';
  return view.everConnected && view.negotiated && !view.restartTried ? 'restart-ice' : 'recreate';
}

/** What the watchdog reads from, and asks of, the CallPeer it watches. */
export interface WatchedPeer {
  current(): ConnectionAttempt | null;
  initiator(): boolean;
  /** The other member is in the call and signaling works: the watchdog may act. */
  watching(): boolean;
  /** Runs a task on the peer's one-at-a-time queue. */
  enqueue(label: string, task: () => Promise<void>): void;
  /** A new connection, and our offer on it. */
  startOver(): Promise<void>;
  log(message: string): void;
}

/** Looks at the connection every `tickMs` and acts when it does not connect in time. */
export class PeerWatchdog {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly peer: WatchedPeer,
    private readonly timing: PeerTiming,
  ) {
    this.timer = setInterval(() => this.tick(), timing.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** ICE failed: the initiator restarts it, once, on a connection that had negotiated. */
  iceFailed(attempt: ConnectionAttempt): void {
    if (!this.peer.initiator() || !this.peer.watching() || !attempt.negotiated || attempt.restartTried) return;
    attempt.restartTried = true;
    this.peer.log('connection failed: ICE restart');
    attempt.pc.restartIce();
  }

  private tick(): void {
    const attempt = this.peer.current();
    if (!attempt || !this.peer.watching() || attempt.pc.connectionState === 'connected') return;
    if (attempt.waitingSince === 0) attempt.waitingSince = Date.now();
    const { pc } = attempt;
    const step = watchdogStep(
      {
        initiator: this.peer.initiator(),
        waitedMs: Date.now() - attempt.waitingSince,
        hasDescription: Boolean(pc.remoteDescription || pc.localDescription),
        fallbackOffered: attempt.fallbackOffered,
        everConnected: attempt.everConnected,
        negotiated: attempt.negotiated,
        restartTried: attempt.restartTried,
      },
      this.timing,
    );
    if (step === 'fallback-offer') {
      attempt.fallbackOffered = true;
      this.peer.log('no offer arrived: offering ourselves');
      this.peer.enqueue('fallback offer', () => attempt.offer());
    } else if (step === 'restart-ice') {
      attempt.waitingSince = Date.now();
      attempt.restartTried = true;
      this.peer.log('watchdog: ICE restart');
      pc.restartIce();
    } else if (step === 'recreate') {
      attempt.waitingSince = Date.now();
      this.peer.log('watchdog: not connected in time, new peer connection');
      this.peer.enqueue('watchdog', async () => {
        if (this.peer.current() !== attempt || !this.peer.watching()) return;
        await this.peer.startOver();
      });
    }
  }
}
