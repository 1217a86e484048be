import { describe, expect, it } from 'vitest';
import { durationText } from './prescription-text';

describe('durationText', () => {
  it('reads a stretch of time with "por"', () => {
    expect(durationText('3 dias')).toBe('por 3 dias');
    expect(durationText(' 10 dias ')).toBe('por 10 dias');
    expect(durationText('uma semana')).toBe('por uma semana');
    expect(durationText('Dois meses')).toBe('por Dois meses');
  });

  it('prints "uso contínuo" and other open-ended durations as written, never "por uso contínuo"', () => {
    expect(durationText('uso contínuo')).toBe('uso contínuo');
    expect(durationText('Uso contínuo')).toBe('Uso contínuo');
    expect(durationText('até acabar a caixa')).toBe('até acabar a caixa');
    expect(durationText('enquanto houver dor')).toBe('enquanto houver dor');
  });

  it('adds nothing when the doctor already wrote "por", nor to an empty field', () => {
    expect(durationText('por 5 dias')).toBe('por 5 dias');
    expect(durationText('')).toBe('');
    expect(durationText('   ')).toBe('');
  });
});
