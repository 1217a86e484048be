import { describe, expect, it } from 'vitest';
import { isValidCid10, normalizeCid10 } from './cid10';

describe('CID-10 codes', () => {
  it.each([
    ['J06.9', 'J06.9'],
    ['j069', 'J06.9'],
    ['J06,9', 'J06.9'],
    [' i10 ', 'I10'],
    ['U07.1', 'U07.1'],
    ['F41.1', 'F41.1'],
  ])('folds %j into %j and accepts it', (input, canonical) => {
    expect(normalizeCid10(input)).toBe(canonical);
    expect(isValidCid10(input)).toBe(true);
  });

  it.each(['', 'J6', '106.9', 'JJ06', 'J06.99', 'J06.9X', '<script>', 'J0 6'])('refuses %j', (input) => {
    expect(isValidCid10(input)).toBe(false);
  });
});
