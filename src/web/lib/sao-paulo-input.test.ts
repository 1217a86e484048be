import { describe, expect, it } from 'vitest';
import { saoPauloLocalToIso, saoPauloNowLocal } from './sao-paulo-input';

describe('datetime-local inputs', () => {
  it('reads datetime-local values as São Paulo time', () => {
    expect(saoPauloLocalToIso('2026-12-05T14:30')).toBe('2026-12-05T14:30:00-03:00');
    expect(saoPauloLocalToIso('')).toBeUndefined();
    expect(saoPauloNowLocal(new Date('2026-12-05T17:30:00Z'))).toBe('2026-12-05T14:30');
  });
});
