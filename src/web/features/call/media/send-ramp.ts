/**
 * The first frame sooner (ADR 005): a new connection sends the camera small, FIRST_WIDTH pixels
 * wide, and steps up to the camera's full size once frames flow and the bandwidth estimate
 * carries it. A 1280×720 first frame at the 300 kbit/s a connection starts with is what made the
 * first remote frame late: Chromium's encoder drops it and the frames after it until it has
 * scaled itself down, and then stays small for many seconds. A 320×180 keyframe goes out at once.
 *
 * Only the encoder's scale changes (`RTCRtpSender.setParameters`), never the track: the
 * self-view stays sharp, and a device switch or a screen share (`replaceTrack`) is not undone.
 * The ramp only ever scales up; scaling down on a poor network stays the browser's job.
 */

/** The width of the first frames. */
export const FIRST_WIDTH = 320;

export interface RampTiming {
  /** How often the sender's statistics are read until full size. */
  pollMs: number;
  /** Frames flow this long at the first size before any step up. */
  holdMs: number;
  /** Frames have flowed this long: full size whatever the estimate (the browser adapts from there, as without the ramp). */
  maxHoldMs: number;
  /** Connected this long without sending a frame (camera off): full size, and stop watching. */
  idleMs: number;
}

export const RAMP_TIMING: RampTiming = { pollMs: 100, holdMs: 300, maxHoldMs: 2500, idleMs: 3000 };

/** Pure: how much to scale a track `width` pixels wide down to be at most `maxWidth` wide (1: it already is, or its width is unknown). */
export function scaleFor(width: number | undefined, maxWidth = FIRST_WIDTH): number {
  return width && width > maxWidth ? width / maxWidth : 1;
}

/**
 * Pure: the widest frames an outgoing estimate carries without Chromium dropping them (its encoder
 * drops a new size's first frames above 320×240 under 300 kbit/s of video, and above 640×480
 * under 500 kbit/s); the thresholds leave room for audio and packet overhead.
 */
export function widthFor(kbps: number | null): number {
  if (kbps === null || kbps < 360) return FIRST_WIDTH;
  return kbps < 600 ? 640 : Infinity;
}

export interface RampView {
  /** The scale the sender uses now. */
  scale: number;
  /** The width of the track being sent (undefined: none, or unknown). */
  trackWidth: number | undefined;
  /** The sender carries a shared screen, whose detail matters from its first frame. */
  screen: boolean;
  /** How long frames have been going out (null: none yet). */
  framesFlowingMs: number | null;
  /** How long the connection has been connected (null: not yet). */
  connectedMs: number | null;
  /** The outgoing bandwidth estimate (null: the browser gives none). */
  kbps: number | null;
}

/** Pure: the scale to send at now, never larger than the current one (1: full size, the ramp is over). */
export function rampScale(view: RampView, timing: RampTiming): number {
  if (view.screen) return 1;
  if (view.framesFlowingMs === null) return view.connectedMs !== null && view.connectedMs >= timing.idleMs ? 1 : view.scale;
  if (view.framesFlowingMs >= timing.maxHoldMs) return 1;
  if (view.framesFlowingMs < timing.holdMs) return view.scale;
  return Math.min(view.scale, scaleFor(view.trackWidth, widthFor(view.kbps)));
}

/** Pure: video frames sent and the outgoing estimate, from a sender's statistics. */
export function readSenderStats(report: Iterable<Record<string, unknown>>): { framesSent: number; kbps: number | null } {
  let framesSent = 0;
  let bps: number | null = null;
  for (const s of report) {
    if (s.type === 'outbound-rtp' && s.kind === 'video') framesSent += Number(s.framesSent ?? 0);
    if (s.type === 'candidate-pair' && typeof s.availableOutgoingBitrate === 'number') bps = Math.max(bps ?? 0, s.availableOutgoingBitrate);
  }
  return { framesSent, kbps: bps === null ? null : bps / 1000 };
}

/** One connection's video sender, started small and stepped up to full size. */
export class SendRamp {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private scale = 1;
  private framesSince: number | null = null;
  private connectedSince: number | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly pc: RTCPeerConnection,
    private readonly sender: RTCRtpSender,
    private readonly log: (message: string, detail?: unknown) => void,
    private readonly timing: RampTiming = RAMP_TIMING,
  ) {}

  /**
   * Scales the sender down when `track` is wider than FIRST_WIDTH (a camera; not a screen) and
   * watches it to step up. Resolves once the first size is set, before any frame is encoded.
   */
  async begin(track: MediaStreamTrack | null): Promise<void> {
    const scale = track && track.contentHint !== 'detail' ? scaleFor(track.getSettings().width) : 1;
    if (scale > 1 && (await this.apply(scale))) this.schedule();
  }

  /** The connection closed: stop watching (the sender goes with it). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.timing.pollMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.pc.connectionState === 'closed') return;
    const now = Date.now();
    if (this.pc.connectionState === 'connected') this.connectedSince ??= now;
    let stats: ReturnType<typeof readSenderStats> = { framesSent: 0, kbps: null };
    try {
      stats = readSenderStats((await this.sender.getStats()).values() as Iterable<Record<string, unknown>>);
    } catch {
      // No statistics this time: look again at the next tick.
    }
    if (stats.framesSent > 0) this.framesSince ??= now;
    const track = this.sender.track;
    const next = rampScale(
      {
        scale: this.scale,
        trackWidth: track?.getSettings().width,
        screen: track?.contentHint === 'detail',
        framesFlowingMs: this.framesSince === null ? null : now - this.framesSince,
        connectedMs: this.connectedSince === null ? null : now - this.connectedSince,
        kbps: stats.kbps,
      },
      this.timing,
    );
    if (this.stopped) return;
    if (next < this.scale && !(await this.apply(next)) && ++this.failures >= 3) return;
    if (this.scale > 1) this.schedule();
  }

  /** Sets the encoder's scale; false when the browser has no encoding to scale or refuses. */
  private async apply(scale: number): Promise<boolean> {
    try {
      const parameters = this.sender.getParameters();
      if (!parameters.encodings?.length) return false;
      for (const encoding of parameters.encodings) encoding.scaleResolutionDownBy = scale;
      await this.sender.setParameters(parameters);
      this.scale = scale;
      this.log(scale === 1 ? 'video: full size' : `video: 1/${scale.toFixed(2)} of the camera's width`);
      return true;
    } catch (error) {
      this.log(`video: scale 1/${scale} not applied`, error);
      return false;
    }
  }
}
