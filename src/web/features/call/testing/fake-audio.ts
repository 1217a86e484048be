import { vi } from 'vitest';

class FakeParam {
  value = 0;
  setValueAtTime = vi.fn();
  exponentialRampToValueAtTime = vi.fn();
}

class FakeNode {
  connect = vi.fn((next: unknown) => next);
  disconnect = vi.fn();
}

class FakeOscillator extends FakeNode {
  type = '';
  frequency = new FakeParam();
  start = vi.fn();
  stop = vi.fn();
  onended: (() => void) | null = null;
}

class FakeGain extends FakeNode {
  gain = new FakeParam();
}

class FakeAnalyser extends FakeNode {
  fftSize = 2048;
  /** What the microphone "hears": every sample at this amplitude. */
  static amplitude = 0;
  getFloatTimeDomainData(buffer: Float32Array): void {
    buffer.fill(FakeAnalyser.amplitude);
  }
}

/** An AudioContext that records the nodes it made; starts suspended, as browsers do. */
export class FakeAudioContext {
  static created: FakeAudioContext[] = [];
  state: AudioContextState = 'suspended';
  currentTime = 1;
  destination = new FakeNode();
  readonly oscillators: FakeOscillator[] = [];
  readonly sources: FakeNode[] = [];
  readonly analysers: FakeAnalyser[] = [];
  resume = vi.fn(async () => {
    this.state = 'running';
  });

  constructor() {
    FakeAudioContext.created.push(this);
  }

  createOscillator(): FakeOscillator {
    const osc = new FakeOscillator();
    this.oscillators.push(osc);
    return osc;
  }

  createGain(): FakeGain {
    return new FakeGain();
  }

  createMediaStreamSource(): FakeNode {
    const source = new FakeNode();
    this.sources.push(source);
    return source;
  }

  createAnalyser(): FakeAnalyser {
    const analyser = new FakeAnalyser();
    this.analysers.push(analyser);
    return analyser;
  }
}

export { FakeAnalyser };

/** A `window` with an AudioContext (or none), event listeners and the (fake) timers. */
export function fakeWindow(withAudio = true) {
  const listeners = new Map<string, () => void>();
  return {
    ...(withAudio ? { AudioContext: FakeAudioContext } : {}),
    listeners,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
  };
}
