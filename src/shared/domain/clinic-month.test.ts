import { describe, expect, it } from 'vitest';
import { clinicMonthOf } from './clinic-month';

describe('clinicMonthOf', () => {
  it('counts the month in São Paulo (UTC−3), not in UTC or the server zone', () => {
    expect(clinicMonthOf('2026-12-01T02:59:59.999Z')).toBe('2026-11');
    expect(clinicMonthOf('2026-12-01T03:00:00.000Z')).toBe('2026-12');
    expect(clinicMonthOf('2027-01-01T01:00:00.000Z')).toBe('2026-12');
    expect(clinicMonthOf(new Date('2026-02-28T12:00:00Z'))).toBe('2026-02');
  });

  it('refuses what is not a date', () => {
    expect(() => clinicMonthOf('ontem')).toThrow(RangeError);
  });
});
