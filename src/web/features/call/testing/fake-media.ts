/** Stand-ins for the browser's media objects, for unit tests in Node (no DOM, no WebRTC). */
let nextTrackId = 1;

export class FakeTrack {
  readonly id = `track-${nextTrackId++}`;
  enabled = true;
  stopped = false;
  contentHint = '';
  /** The width the device delivers (undefined: the browser does not say). */
  width: number | undefined = undefined;
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId = '',
  ) {}

  stop(): void {
    this.stopped = true;
  }

  getSettings(): { deviceId: string; width?: number } {
    return this.width === undefined ? { deviceId: this.deviceId } : { deviceId: this.deviceId, width: this.width };
  }

  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** Test helper: the device went away (or the person stopped sharing in the browser). */
  end(): void {
    this.stopped = true;
    for (const listener of this.listeners.get('ended') ?? []) listener();
  }
}

export class FakeMediaStream {
  private readonly tracks: FakeTrack[];

  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }

  getTracks(): FakeTrack[] {
    return [...this.tracks];
  }

  getAudioTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio');
  }

  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
}

/** Lets every pending promise callback run (the peer's queue chains several). */
export async function flush(rounds = 100): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
