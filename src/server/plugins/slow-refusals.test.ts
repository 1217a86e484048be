import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlowRefusals } from './slow-refusals';

describe('SlowRefusals', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers a refusal only after the delay', () => {
    const refusals = new SlowRefusals(1_000, 10);
    const answer = vi.fn();
    refusals.refuse(answer);
    vi.advanceTimersByTime(999);
    expect(answer).not.toHaveBeenCalled();
    expect(refusals.waiting).toBe(1);
    vi.advanceTimersByTime(1);
    expect(answer).toHaveBeenCalledOnce();
    expect(refusals.waiting).toBe(0);
  });

  it('answers at once when too many are waiting, and holds again once they have gone', () => {
    const refusals = new SlowRefusals(1_000, 2);
    const held = [vi.fn(), vi.fn()];
    for (const answer of held) refusals.refuse(answer);
    const overflow = vi.fn();
    refusals.refuse(overflow);
    expect(overflow).toHaveBeenCalledOnce();
    expect(held[0]).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(held[1]).toHaveBeenCalledOnce();
    const later = vi.fn();
    refusals.refuse(later);
    expect(later).not.toHaveBeenCalled();
  });
});
