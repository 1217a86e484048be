import { describe, expect, it } from 'vitest';
import { PersonRateLimiter } from './person-rate-limiter';

describe('PersonRateLimiter', () => {
  it('shares one budget per person', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 6, 0)).toBe(true);
    expect(limiter.take('ana', 4, 0)).toBe(true);
    expect(limiter.take('ana', 1, 0)).toBe(false);
    expect(limiter.take('bia', 10, 0)).toBe(true);
  });

  it('refills steadily, not all at once', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 10, 0)).toBe(true);
    expect(limiter.take('ana', 1, 50)).toBe(false); // 0.5 token back
    expect(limiter.take('ana', 1, 100)).toBe(true); // 1 token back
    expect(limiter.take('ana', 5, 400)).toBe(false); // 3 tokens back
    expect(limiter.take('ana', 3, 400)).toBe(true);
    // Never more than the budget, however long the pause.
    expect(limiter.take('ana', 10, 60_000)).toBe(true);
    expect(limiter.take('ana', 1, 60_000)).toBe(false);
  });

  it('refuses an expensive event that would go over, without spending it', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 8, 0)).toBe(true);
    expect(limiter.take('ana', 5, 0)).toBe(false);
    expect(limiter.take('ana', 2, 0)).toBe(true);
  });

  it('forgets refilled buckets when pruned, and prunes by itself past maxKeys', () => {
    const limiter = new PersonRateLimiter(10, 1000, 3);
    for (const id of ['a', 'b', 'c']) limiter.take(id, 10, 0);
    limiter.prune(500);
    expect(limiter.size).toBe(3); // half full: kept
    expect(limiter.take('d', 1, 500)).toBe(true);
    expect(limiter.size).toBe(4); // nothing had refilled yet
    expect(limiter.take('e', 1, 1000)).toBe(true);
    expect(limiter.size).toBe(1); // a, b, c and d had all refilled by then; only e is new
    expect(limiter.take('a', 10, 1000)).toBe(true);
  });

  it('refills nothing when the clock steps back, instead of draining the bucket', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 5, 1_000_000)).toBe(true);
    expect(limiter.take('ana', 5, 1_000_000 - 3_600_000)).toBe(true);
    expect(limiter.take('ana', 1, 1_000_000 - 3_600_000)).toBe(false);
    expect(limiter.take('ana', 1, 1_000_000 - 3_600_000 + 100)).toBe(true);
  });
});
