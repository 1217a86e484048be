import { describe, expect, it, vi } from 'vitest';
import { EXPORT_HEAP_GROWING_PERCENT, holdExportMemory } from './export-gc';

describe('holdExportMemory', () => {
  it('tightens the heap while any export runs and gives V8 its own heuristics back after the last', () => {
    const setFlags = vi.fn();
    const first = holdExportMemory(setFlags);
    const second = holdExportMemory(setFlags);
    expect(setFlags.mock.calls).toEqual([[`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`]]);
    first();
    first(); // a second release of the same export changes nothing
    expect(setFlags).toHaveBeenCalledTimes(1);
    second();
    expect(setFlags.mock.calls.at(-1)).toEqual(['--heap-growing-percent=0']);
    expect(setFlags).toHaveBeenCalledTimes(2);
  });
});
