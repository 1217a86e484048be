import { describe, expect, it } from 'vitest';
import { addMonths, clinicDateOf, clinicMonthOf } from './clinic-month';

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

describe('addMonths', () => {
  it('moves a month forward and back across years', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });

  it('refuses what is not a month', () => {
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
    expect(() => addMonths('novembro', 1)).toThrow(RangeError);
  });
});

describe('clinicDateOf', () => {
  it("is São Paulo's day, which is still the day before in UTC's late evening", () => {
    expect(clinicDateOf(new Date('2026-12-01T02:59:59Z'))).toBe('2026-11-30');
    expect(clinicDateOf(new Date('2026-12-01T03:00:00Z'))).toBe('2026-12-01');
    expect(clinicDateOf(new Date('2027-01-01T02:30:00Z'))).toBe('2026-12-31');
  });
});
