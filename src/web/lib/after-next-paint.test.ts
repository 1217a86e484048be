import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-next-paint';

/** A page with a visibility and the frames the test hands out. */
let visibility: 'visible' | 'hidden';
let frames: FrameRequestCallback[];
let onVisibility: (() => void) | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  frames = [];
  onVisibility = undefined;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('document', {
    get visibilityState() {
      return visibility;
    },
    addEventListener: (_: string, cb: () => void) => (onVisibility = cb),
    removeEventListener: () => (onVisibility = undefined),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function watch(): { resolved: boolean } {
  const state = { resolved: false };
  void afterNextPaint().then(() => (state.resolved = true));
  return state;
}

describe('afterNextPaint', () => {
  it('waits for the next frame however long it takes (styles still loading), then resolves in the task after it', async () => {
    const state = watch();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.resolved).toBe(false);
    frames[0]!(0);
    expect(state.resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.resolved).toBe(true);
    expect(onVisibility).toBeUndefined();
  });

  it('resolves at once on a hidden page, and when the page is hidden while it waits', async () => {
    visibility = 'hidden';
    const hidden = watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(hidden.resolved).toBe(true);
    expect(frames).toHaveLength(0);

    visibility = 'visible';
    const waiting = watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.resolved).toBe(false);
    visibility = 'hidden';
    onVisibility!();
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.resolved).toBe(true);
  });
});
