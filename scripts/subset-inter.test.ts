import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTER_RANGES, INTER_SUBSET, makeInterSubset } from './subset-inter.ts';

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

describe('the Inter subset the first screens preload', () => {
  it('is what `npm run font:subset` makes from the installed Fontsource Inter', async () => {
    const made = await makeInterSubset();
    expect(made.length).toBeLessThan(30_000);
    expect(Buffer.compare(made, fs.readFileSync(INTER_SUBSET)), 'run `npm run font:subset` and commit the font').toBe(0);
  });

  it('is declared for exactly the characters it holds', () => {
    const css = fs.readFileSync(path.join(path.dirname(INTER_SUBSET), '../fonts.css'), 'utf8');
    const declared = /unicode-range:\s*([^;]+);/
      .exec(css)?.[1]
      ?.split(',')
      .map((r) => r.trim());
    expect(declared).toEqual(INTER_RANGES.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)));
  });
});
