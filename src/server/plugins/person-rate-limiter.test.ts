import { describe, expect, it } from 'vitest';
import { PersonRateLimiter } from './person-rate-limiter';

describe('PersonRateLimiter', () => {
  it('shares one budget per person and starts again in the next window', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 6, 0)).toBe(true);
    expect(limiter.take('ana', 4, 10)).toBe(true);
    expect(limiter.take('ana', 1, 20)).toBe(false);
    expect(limiter.take('bia', 10, 20)).toBe(true);
    expect(limiter.take('ana', 1, 1000)).toBe(true);
  });

  it('refuses an expensive event that would go over, without spending it', () => {
    const limiter = new PersonRateLimiter(10, 1000);
    expect(limiter.take('ana', 8, 0)).toBe(true);
    expect(limiter.take('ana', 5, 1)).toBe(false);
    expect(limiter.take('ana', 2, 2)).toBe(true);
  });

  it('forgets finished windows when pruned', () => {
    const limiter = new PersonRateLimiter(1, 1000);
    limiter.take('ana', 1, 0);
    limiter.prune(500);
    expect(limiter.take('ana', 1, 600)).toBe(false);
    limiter.prune(1000);
    expect(limiter.take('ana', 1, 1001)).toBe(true);
  });

  it('drops finished windows once it holds too many keys', () => {
    const limiter = new PersonRateLimiter(1, 1000, 3);
    for (const id of ['a', 'b', 'c']) limiter.take(id, 1, 0);
    expect(limiter.size).toBe(3);
    expect(limiter.take('d', 1, 500)).toBe(true);
    expect(limiter.size).toBe(4); // nothing had finished yet
    expect(limiter.take('e', 1, 2000)).toBe(true);
    expect(limiter.size).toBe(1);
    expect(limiter.take('e', 1, 2001)).toBe(false);
  });
});
