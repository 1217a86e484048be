import { describe, expect, it } from 'vitest';
import { consultationCount, lastMonthText, moneyComparedText, underReviewCount } from './money-text';

/** Intl puts a non-breaking space after "R$"; compare what people read. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('dashboard money text', () => {
  it('compares this month with the last in reais, either way', () => {
    expect(plain(moneyComparedText(24_000, 12_000))).toBe('R$ 120,00 a mais que no mês passado');
    expect(plain(moneyComparedText(12_000, 123_456))).toBe('R$ 1.114,56 a menos que no mês passado');
    expect(moneyComparedText(500, 500)).toBe('O mesmo valor do mês passado');
  });

  it('says what last month was, in words and reais', () => {
    expect(plain(lastMonthText(12_000, 1))).toBe('No mês passado: R$ 120,00 em 1 consulta.');
    expect(plain(lastMonthText(123_456_78, 1200))).toBe('No mês passado: R$ 123.456,78 em 1.200 consultas.');
    expect(lastMonthText(0, 0)).toBe('No mês passado: nenhuma consulta faturada.');
  });

  it('counts consultations in the right number', () => {
    expect(consultationCount(1)).toBe('1 consulta');
    expect(consultationCount(0)).toBe('0 consultas');
    expect(underReviewCount(1)).toBe('1 consulta curta em análise');
    expect(underReviewCount(3)).toBe('3 consultas curtas em análise');
  });
});
