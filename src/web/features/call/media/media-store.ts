import { remember } from './device-memory';
import { openCamera, openLocalMedia, openMicrophone, openScreen } from './local-media';
import { mediaProblemOf } from './media-problem';
import { initialSnapshot } from './media-snapshot';
import type { MediaSnapshot } from './media-snapshot';

/**
 * Our local media for the pre-call check and the call, outside React so it survives re-renders
 * and StrictMode's double effects. React reads it with useSyncExternalStore; whoever ends the
 * visit calls `stopAll()` (the camera light goes off).
 */
export class LocalMediaStore {
  private snapshot: MediaSnapshot = initialSnapshot();
  private readonly listeners = new Set<() => void>();
  /** Bumped by stopAll, so a getUserMedia that resolves afterwards is thrown away. */
  private epoch = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MediaSnapshot => this.snapshot;

  /** The video we send: the shared screen, else the camera, else nothing. */
  get outgoingVideo(): MediaStreamTrack | null {
    return this.snapshot.screen ?? this.snapshot.camera;
  }

  get microphone(): MediaStreamTrack | null {
    return this.snapshot.microphone;
  }

  private set(patch: Partial<MediaSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Turns camera and microphone on (again), with the remembered devices. */
  async open(): Promise<void> {
    const epoch = ++this.epoch;
    this.stopTracks();
    this.set({ opening: true, microphone: null, camera: null, screen: null });
    const media = await openLocalMedia({ cameraId: this.snapshot.cameraId || undefined, microphoneId: this.snapshot.microphoneId || undefined });
    if (epoch !== this.epoch) {
      media.audio?.stop();
      media.video?.stop();
      return;
    }
    this.watch(media.audio, 'microphone');
    this.watch(media.video, 'camera');
    this.set({
      opening: false,
      microphone: media.audio,
      camera: media.video,
      micOn: media.audio !== null,
      audioProblem: media.audioProblem,
      videoProblem: media.videoProblem,
    });
  }

  /** Drops whatever failed, to enter with less (audio only, or nothing at all). */
  release(kind: 'camera' | 'microphone' | 'both'): void {
    if (kind !== 'microphone') {
      this.snapshot.camera?.stop();
      this.set({ camera: null });
    }
    if (kind !== 'camera') {
      this.snapshot.microphone?.stop();
      this.set({ microphone: null, micOn: false });
    }
  }

  setMicOn(on: boolean): void {
    const track = this.snapshot.microphone;
    if (!track) return;
    track.enabled = on;
    this.set({ micOn: on });
  }

  /** Camera off stops the device (its light goes off); on asks for it again. */
  async setCameraOn(on: boolean): Promise<void> {
    if (!on) {
      this.snapshot.camera?.stop();
      this.set({ camera: null });
      return;
    }
    if (this.snapshot.camera) return;
    const epoch = this.epoch;
    try {
      const track = await openCamera(this.snapshot.cameraId || undefined);
      if (epoch !== this.epoch) {
        track.stop();
        return;
      }
      this.watch(track, 'camera');
      this.set({ camera: track, videoProblem: null });
    } catch (error) {
      this.set({ videoProblem: mediaProblemOf(error, 'camera') });
      throw error;
    }
  }

  /** Turns the microphone on when there was none (device plugged in, permission given later). */
  async reopenMicrophone(): Promise<void> {
    if (this.snapshot.microphone) return;
    await this.selectMicrophone(this.snapshot.microphoneId);
  }

  async selectCamera(deviceId: string): Promise<void> {
    remember('cameraId', deviceId);
    this.set({ cameraId: deviceId });
    if (!this.snapshot.camera) return;
    const epoch = this.epoch;
    try {
      const track = await openCamera(deviceId || undefined);
      if (epoch !== this.epoch) {
        track.stop();
        return;
      }
      const old = this.snapshot.camera;
      this.watch(track, 'camera');
      this.set({ camera: track, videoProblem: null });
      old?.stop();
    } catch (error) {
      this.set({ videoProblem: mediaProblemOf(error, 'camera') });
      throw error;
    }
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    remember('microphoneId', deviceId);
    this.set({ microphoneId: deviceId });
    const epoch = this.epoch;
    try {
      const track = await openMicrophone(deviceId || undefined);
      if (epoch !== this.epoch) {
        track.stop();
        return;
      }
      const old = this.snapshot.microphone;
      const on = old ? this.snapshot.micOn : true;
      track.enabled = on;
      this.watch(track, 'microphone');
      this.set({ microphone: track, micOn: on, audioProblem: null });
      old?.stop();
    } catch (error) {
      this.set({ audioProblem: mediaProblemOf(error, 'microphone') });
      throw error;
    }
  }

  selectSpeaker(deviceId: string): void {
    remember('speakerId', deviceId);
    this.set({ speakerId: deviceId });
  }

  /** Asks which screen to share; sharing ends by itself when the person stops it in the browser. */
  async startScreenShare(): Promise<void> {
    const track = await openScreen();
    this.snapshot.screen?.stop();
    track.addEventListener('ended', () => {
      if (this.snapshot.screen === track) this.set({ screen: null });
    });
    this.set({ screen: track });
  }

  stopScreenShare(): void {
    this.snapshot.screen?.stop();
    this.set({ screen: null });
  }

  /** Stops every track and forgets them. */
  stopAll(): void {
    this.epoch++;
    this.stopTracks();
    this.set({ microphone: null, camera: null, screen: null, micOn: false, opening: false });
  }

  private stopTracks(): void {
    this.snapshot.microphone?.stop();
    this.snapshot.camera?.stop();
    this.snapshot.screen?.stop();
  }

  /** A device unplugged or taken away ends its track: show it as off. */
  private watch(track: MediaStreamTrack | null, kind: 'camera' | 'microphone'): void {
    track?.addEventListener('ended', () => {
      if (kind === 'camera' && this.snapshot.camera === track) this.set({ camera: null });
      if (kind === 'microphone' && this.snapshot.microphone === track) this.set({ microphone: null, micOn: false });
    });
  }
}
