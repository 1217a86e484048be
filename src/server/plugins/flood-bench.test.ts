import { describe, expect, it } from 'vitest';
import { FloodBench } from './flood-bench';

describe('FloodBench', () => {
  it('refuses a flooder for the base time, doubling on each repeat up to the cap', () => {
    const bench = new FloodBench(10_000, 60_000, 600_000);
    let now = 0;
    expect(bench.isBenched('s', now)).toBe(false);
    const spans = [];
    for (let i = 0; i < 5; i += 1) {
      const ms = bench.strike('s', now);
      spans.push(ms);
      expect(bench.isBenched('s', now + ms - 1)).toBe(true);
      expect(bench.isBenched('s', now + ms)).toBe(false);
      now += ms + 100; // comes back as soon as it may, and floods again
    }
    expect(spans).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('counts the sockets of one person tripping over the same burst as one strike', () => {
    const bench = new FloodBench(10_000, 60_000, 600_000);
    expect(bench.strike('s', 0)).toBe(10_000);
    expect(bench.strike('s', 5)).toBe(9_995);
    expect(bench.strike('s', 9)).toBe(9_991);
    expect(bench.isBenched('s', 10_000)).toBe(false);
    expect(bench.strike('s', 10_001)).toBe(20_000);
  });

  it('starts over for a session that behaved for longer than the memory, and keeps sessions apart', () => {
    const bench = new FloodBench(10_000, 60_000, 600_000);
    bench.strike('a', 0);
    expect(bench.strike('a', 20_000)).toBe(20_000);
    expect(bench.strike('a', 20_000 + 600_001)).toBe(10_000);
    expect(bench.strike('b', 0)).toBe(10_000);
    expect(bench.isBenched('c', 0)).toBe(false);
  });

  it('prune forgets only what is neither refused nor remembered', () => {
    const bench = new FloodBench(10_000, 60_000, 600_000);
    bench.strike('old', 0);
    bench.strike('recent', 500_000);
    bench.prune(600_001);
    expect(bench.size).toBe(1);
    expect(bench.strike('recent', 600_001)).toBe(20_000);
  });
});
