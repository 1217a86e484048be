import { describe, expect, it } from 'vitest';
import { addMonths, monthLabel, monthShort, pickedMonth, recentMonths, underReviewText } from './billing-text';

describe('billing text', () => {
  it('names months in Portuguese, whatever the time zone', () => {
    expect(monthLabel('2026-11')).toBe('Novembro de 2026');
    expect(monthShort('2026-03')).toBe('mar');
    expect(monthLabel('bad')).toBe('bad');
  });

  it('moves across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  it('takes the asked month only when the picker offers it', () => {
    expect(pickedMonth('2026-01', '2026-11')).toBe('2026-01');
    expect(pickedMonth('2024-12', '2026-11')).toBe('2024-12');
    expect(pickedMonth('2024-11', '2026-11')).toBe('2026-11'); // 25 months back
    expect(pickedMonth('2026-12', '2026-11')).toBe('2026-11'); // the future
    expect(pickedMonth(null, '2026-11')).toBe('2026-11');
    expect(pickedMonth('ontem', '2026-11')).toBe('2026-11');
  });

  it('counts what waits for the admin', () => {
    expect(underReviewText(1)).toBe('1 consulta curta espera sua decisão.');
    expect(underReviewText(3)).toBe('3 consultas curtas esperam sua decisão.');
  });
});
