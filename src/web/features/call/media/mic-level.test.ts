import { describe, expect, it } from 'vitest';
import { levelFromSamples } from './mic-level';

describe('levelFromSamples', () => {
  it('is 0 for silence and 100 for a loud signal', () => {
    expect(levelFromSamples(new Float32Array(512))).toBe(0);
    expect(levelFromSamples(new Float32Array(512).fill(0.9))).toBe(100);
    expect(levelFromSamples(new Float32Array(0))).toBe(0);
  });

  it('puts normal speech (about -30 dBFS) in the middle', () => {
    const amplitude = 10 ** (-30 / 20);
    const level = levelFromSamples(new Float32Array(512).fill(amplitude));
    expect(level).toBeGreaterThan(50);
    expect(level).toBeLessThan(75);
  });
});
