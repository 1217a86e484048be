import { describe, expect, it } from 'vitest';
import { lazyIntl } from './lazy-intl';

describe('lazyIntl', () => {
  it('builds the formatter on first use, once, and formats as the formatter does', () => {
    let built = 0;
    const money = lazyIntl(() => {
      built += 1;
      return new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
    });
    expect(built).toBe(0);
    const direct = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
    expect(money.format(1234.5)).toBe(direct.format(1234.5));
    expect(money.formatToParts(1).map((p) => p.type)).toEqual(direct.formatToParts(1).map((p) => p.type));
    expect(money.resolvedOptions().currency).toBe('BRL');
    expect(built).toBe(1);
  });

  it('hands out methods bound to the formatter, so they can be passed around', () => {
    const date = lazyIntl(() => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }));
    const { format } = date;
    // Bound once: the same function on every access, not a new one per call.
    expect(date.format).toBe(format);
    expect(['2026-11-30T12:00:00Z'].map((iso) => format(new Date(iso)))).toEqual(['30/11/2026']);
  });
});
