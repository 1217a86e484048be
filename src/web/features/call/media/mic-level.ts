import { sharedAudioContext } from './audio-context';

const FLOOR_DB = -60;
const CEIL_DB = -12;

/** The loudness of a block of samples (-1…1) on a 0–100 scale, from its RMS in dBFS. */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  const level = ((db - FLOOR_DB) / (CEIL_DB - FLOOR_DB)) * 100;
  return Math.round(Math.min(100, Math.max(0, level)));
}

/**
 * A live microphone level (WebAudio AnalyserNode), reported about 12 times a second. `stop()`
 * disconnects the nodes and the timer; the track itself is left running for the call.
 */
export class MicLevelMeter {
  private source: MediaStreamAudioSourceNode | null = null;
  private analyser: AnalyserNode | null = null;
  private timer: number | undefined;
  private shown = 0;

  constructor(
    track: MediaStreamTrack,
    private readonly onLevel: (level: number) => void,
  ) {
    const ctx = sharedAudioContext();
    if (!ctx) return;
    this.source = ctx.createMediaStreamSource(new MediaStream([track]));
    this.analyser = ctx.createAnalyser();
    this.analyser.fftSize = 1024;
    this.source.connect(this.analyser);
    const buffer = new Float32Array(this.analyser.fftSize);
    this.timer = window.setInterval(() => {
      if (!this.analyser) return;
      this.analyser.getFloatTimeDomainData(buffer);
      const level = levelFromSamples(buffer);
      // Rise fast, fall slowly, like a VU meter.
      this.shown = level > this.shown ? level : Math.max(level, this.shown - 8);
      this.onLevel(this.shown);
    }, 80);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
    this.source?.disconnect();
    this.analyser?.disconnect();
    this.source = null;
    this.analyser = null;
  }
}
