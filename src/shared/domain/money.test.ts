import { describe, it, expect } from 'vitest';
import { formatBRL, formatBasisPoints, parseBRL, parsePercentToBasisPoints, splitFee } from './money';

// Intl separates "R$" from the amount with a non-breaking space.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatBRL', () => {
  it('formats centavos as reais', () => {
    expect(plain(formatBRL(0))).toBe('R$ 0,00');
    expect(plain(formatBRL(1))).toBe('R$ 0,01');
    expect(plain(formatBRL(10))).toBe('R$ 0,10');
    expect(plain(formatBRL(100))).toBe('R$ 1,00');
    expect(plain(formatBRL(123456))).toBe('R$ 1.234,56');
    expect(plain(formatBRL(25000))).toBe('R$ 250,00');
    expect(plain(formatBRL(100000000))).toBe('R$ 1.000.000,00');
  });

  it('uses a non-breaking space so the symbol never wraps alone', () => {
    expect(formatBRL(100)).toMatch(/^R\$\u00a0/);
  });

  it('formats negatives and avoids "-R$ 0,00"', () => {
    expect(plain(formatBRL(-150))).toBe('-R$ 1,50');
    expect(plain(formatBRL(-0))).toBe('R$ 0,00');
  });

  it('formats cent values exactly where floats are awkward', () => {
    expect(plain(formatBRL(115))).toBe('R$ 1,15');
    expect(plain(formatBRL(1005))).toBe('R$ 10,05');
    expect(plain(formatBRL(999999999999))).toBe('R$ 9.999.999.999,99');
  });

  it('throws on non-integers', () => {
    expect(() => formatBRL(1.5)).toThrow(RangeError);
    expect(() => formatBRL(Number.NaN)).toThrow(RangeError);
    expect(() => formatBRL(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatBRL(2 ** 53)).toThrow(RangeError);
  });
});

describe('parseBRL', () => {
  it.each([
    ['1.234,56', 123456],
    ['R$ 1.234,56', 123456],
    ['R$1.234,56', 123456],
    ['r$ 10,00', 1000],
    ['R$\u00a01.234,56', 123456],
    ['1234,5', 123450],
    ['1234,56', 123456],
    ['1234', 123400],
    ['1.234', 123400],
    ['1.000.000', 100000000],
    ['0,01', 1],
    ['0,1', 10],
    ['0', 0],
    ['1,15', 115],
    ['  250,00  ', 25000],
  ])('parses %j as %i centavos', (input, cents) => {
    expect(parseBRL(input)).toBe(cents);
  });

  it.each([
    '',
    '   ',
    'R$',
    'abc',
    '-10,00',
    'R$ -10,00',
    '- 10',
    '1,234',
    '1,2,3',
    '1.23',
    '12.34,56',
    '1234.56',
    ',50',
    '10,',
    '1.234.',
    '1e3',
    '10 reais',
    'US$ 10,00',
    '99999999999999999999',
  ])('returns null for %j', (input) => {
    expect(parseBRL(input)).toBeNull();
  });

  it('round-trips with formatBRL', () => {
    for (const cents of [0, 1, 99, 100, 12345, 123456789, 999999999999]) {
      expect(parseBRL(formatBRL(cents))).toBe(cents);
    }
  });
});

describe('splitFee', () => {
  it('rounds the platform share half-up to the centavo', () => {
    expect(splitFee(10000, 1500)).toEqual({ platformCents: 1500, doctorCents: 8500 });
    // 15% of 1,03 = 0,1545 → 0,15
    expect(splitFee(103, 1500)).toEqual({ platformCents: 15, doctorCents: 88 });
    // 10% of 0,05 = 0,005 → 0,01 (half rounds up)
    expect(splitFee(5, 1000)).toEqual({ platformCents: 1, doctorCents: 4 });
    // 10% of 0,04 = 0,004 → 0,00
    expect(splitFee(4, 1000)).toEqual({ platformCents: 0, doctorCents: 4 });
    // 12.5% of 0,04 = 0,005 → 0,01
    expect(splitFee(4, 1250)).toEqual({ platformCents: 1, doctorCents: 3 });
  });

  it('handles the 0 and 100% edges', () => {
    expect(splitFee(0, 1500)).toEqual({ platformCents: 0, doctorCents: 0 });
    expect(splitFee(12345, 0)).toEqual({ platformCents: 0, doctorCents: 12345 });
    expect(splitFee(12345, 10000)).toEqual({ platformCents: 12345, doctorCents: 0 });
  });

  it('splits R$ 0,01 and a 33,33 % share as the issue asks', () => {
    // R$ 0,01: 20 % is 0,002 → the clinic gets nothing, the doctor the centavo; at 50 %, half rounds up.
    expect(splitFee(1, 2000)).toEqual({ platformCents: 0, doctorCents: 1 });
    expect(splitFee(1, 5000)).toEqual({ platformCents: 1, doctorCents: 0 });
    expect(splitFee(1, 10000)).toEqual({ platformCents: 1, doctorCents: 0 });
    // 33,33 % of R$ 150,00 = 49,995 → 50,00 (half-up); of R$ 100,00 = 33,33 exactly.
    expect(splitFee(15000, 3333)).toEqual({ platformCents: 5000, doctorCents: 10000 });
    expect(splitFee(10000, 3333)).toEqual({ platformCents: 3333, doctorCents: 6667 });
    // More than half a centavo rounds up, and so does exactly half.
    expect(splitFee(15, 3333)).toEqual({ platformCents: 5, doctorCents: 10 }); // 4,9995 → 5
    expect(splitFee(3, 5000)).toEqual({ platformCents: 2, doctorCents: 1 }); // 1,5 → 2
  });

  it('always adds up and matches exact half-up rounding', () => {
    const bps = [0, 1, 99, 250, 333, 999, 1000, 1250, 1500, 2000, 3333, 4999, 5000, 6667, 9999, 10000];
    // Collect failures and assert once: ~160k expect() calls would take seconds.
    const failures: string[] = [];
    let checked = 0;
    for (const bp of bps) {
      for (let price = 0; price <= 10000; price++) {
        const { platformCents, doctorCents } = splitFee(price, bp);
        // Integer reference: a remainder of at least half of 10000 rounds up.
        const product = price * bp;
        const expected = Math.floor(product / 10000) + (product % 10000 >= 5000 ? 1 : 0);
        if (platformCents + doctorCents !== price || platformCents !== expected || !Number.isInteger(platformCents) || platformCents < 0 || doctorCents < 0) {
          failures.push(`price=${price} bp=${bp} → ${platformCents}/${doctorCents}`);
        }
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(bps.length * 10001);
  });

  it('is exact for prices where price × bp exceeds 2^53', () => {
    const price = Number.MAX_SAFE_INTEGER;
    const { platformCents, doctorCents } = splitFee(price, 1500);
    expect(BigInt(platformCents)).toBe((BigInt(price) * 1500n + 5000n) / 10000n);
    expect(platformCents + doctorCents).toBe(price);
  });

  it('validates its inputs', () => {
    expect(() => splitFee(1.5, 1000)).toThrow(RangeError);
    expect(() => splitFee(-1, 1000)).toThrow(RangeError);
    expect(() => splitFee(Number.NaN, 1000)).toThrow(RangeError);
    expect(() => splitFee(100, -1)).toThrow(RangeError);
    expect(() => splitFee(100, 10001)).toThrow(RangeError);
    expect(() => splitFee(100, 12.5)).toThrow(RangeError);
    expect(() => splitFee(100, Number.NaN)).toThrow(RangeError);
  });
});

describe('parsePercentToBasisPoints', () => {
  it('reads whole and decimal percentages, with comma or dot, into basis points', () => {
    expect(parsePercentToBasisPoints('20')).toBe(2000);
    expect(parsePercentToBasisPoints('12,5')).toBe(1250);
    expect(parsePercentToBasisPoints('33.33')).toBe(3333);
    expect(parsePercentToBasisPoints(' 0,01 % ')).toBe(1);
    expect(parsePercentToBasisPoints('0')).toBe(0);
    expect(parsePercentToBasisPoints('100')).toBe(10_000);
  });

  it('refuses more than 100 %, three decimals, negatives and garbage', () => {
    for (const bad of ['100,01', '101', '12,345', '-5', 'vinte', '', '1e2', '12,', ',5']) expect(parsePercentToBasisPoints(bad), bad).toBeNull();
  });
});

describe('formatBasisPoints', () => {
  it('shows basis points as a pt-BR percentage', () => {
    expect(formatBasisPoints(2000)).toBe('20 %');
    expect(formatBasisPoints(1250)).toBe('12,5 %');
    expect(formatBasisPoints(3333)).toBe('33,33 %');
  });
});
