import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeAnalyser, FakeAudioContext, fakeWindow } from '#web/features/call/testing/fake-audio.ts';
import { FakeMediaStream, FakeTrack } from '#web/features/call/testing/fake-media.ts';

// Each test loads the modules afresh: the page's one AudioContext lives in module state.
async function load() {
  vi.resetModules();
  return { ...(await import('./audio-context')), ...(await import('./chime')), ...(await import('./mic-level')) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('MediaStream', FakeMediaStream);
  vi.stubGlobal('AudioContext', FakeAudioContext);
  FakeAudioContext.created = [];
  FakeAnalyser.amplitude = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('sharedAudioContext', () => {
  it('is one context for the page, resumed on the first click or key press', async () => {
    const window = fakeWindow();
    vi.stubGlobal('window', window);
    const { sharedAudioContext } = await load();
    const ctx = sharedAudioContext() as unknown as FakeAudioContext;
    expect(sharedAudioContext()).toBe(ctx);
    expect(FakeAudioContext.created).toHaveLength(1);
    expect([...window.listeners.keys()]).toEqual(['pointerdown', 'keydown', 'touchend']);
    window.listeners.get('pointerdown')!();
    expect(ctx.resume).toHaveBeenCalled();
  });

  it('is null where there is no WebAudio (and nothing plays)', async () => {
    vi.stubGlobal('window', fakeWindow(false));
    const { sharedAudioContext, playChime, MicLevelMeter } = await load();
    expect(sharedAudioContext()).toBeNull();
    expect(() => playChime()).not.toThrow();
    const levels: number[] = [];
    new MicLevelMeter(new FakeTrack('audio') as unknown as MediaStreamTrack, (l) => levels.push(l)).stop();
    expect(levels).toEqual([]);
  });
});

describe('playChime', () => {
  it('plays two soft tones that clean up after themselves', async () => {
    vi.stubGlobal('window', fakeWindow());
    const { playChime } = await load();
    playChime();
    const ctx = FakeAudioContext.created[0]!;
    expect(ctx.oscillators.map((o) => o.frequency.value)).toEqual([659.25, 523.25]);
    const [first] = ctx.oscillators;
    expect(first!.start).toHaveBeenCalledWith(1.02);
    first!.onended!();
    expect(first!.disconnect).toHaveBeenCalled();
  });
});

describe('MicLevelMeter', () => {
  it('reports the level about 12 times a second, rising fast and falling slowly, until stopped', async () => {
    vi.stubGlobal('window', fakeWindow());
    const { MicLevelMeter } = await load();
    const levels: number[] = [];
    const meter = new MicLevelMeter(new FakeTrack('audio') as unknown as MediaStreamTrack, (l) => levels.push(l));
    FakeAnalyser.amplitude = 0.9;
    vi.advanceTimersByTime(80);
    FakeAnalyser.amplitude = 0;
    vi.advanceTimersByTime(160);
    expect(levels).toEqual([100, 92, 84]);
    meter.stop();
    const ctx = FakeAudioContext.created[0]!;
    expect(ctx.sources[0]!.disconnect).toHaveBeenCalled();
    vi.advanceTimersByTime(800);
    expect(levels).toHaveLength(3);
  });
});
