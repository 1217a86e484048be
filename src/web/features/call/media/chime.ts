import { sharedAudioContext } from './audio-context';

/** A soft two-tone "ding-dong" (E5 then C5), made with WebAudio: no audio file to download. */
export function playChime(): void {
  const ctx = sharedAudioContext();
  if (!ctx) return;
  const start = ctx.currentTime + 0.02;
  const tones: [frequency: number, at: number][] = [
    [659.25, 0],
    [523.25, 0.28],
  ];
  for (const [frequency, at] of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t = start + at;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.95);
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
  }
}
