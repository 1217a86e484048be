import { describe, it, expect } from 'vitest';
import { UFS, UF_NAMES, crmError, formatCrm, isValidCrm, isValidUf, normalizeCrmNumber, normalizeUf } from './crm';

describe('UFS', () => {
  it('has the 26 states plus DF, unique, two upper-case letters', () => {
    expect(UFS).toHaveLength(27);
    expect(new Set(UFS).size).toBe(27);
    expect(UFS).toContain('DF');
    for (const uf of UFS) expect(uf).toMatch(/^[A-Z]{2}$/);
  });

  it('has a name for every UF and nothing else', () => {
    expect(Object.keys(UF_NAMES).sort()).toEqual([...UFS].sort());
    expect(UF_NAMES.SP).toBe('São Paulo');
    expect(UF_NAMES.DF).toBe('Distrito Federal');
    expect(UF_NAMES.MS).toBe('Mato Grosso do Sul');
  });
});

describe('isValidUf / normalizeUf', () => {
  it('accepts every UF, case-insensitively', () => {
    for (const uf of UFS) {
      expect(isValidUf(uf)).toBe(true);
      expect(isValidUf(uf.toLowerCase())).toBe(true);
    }
    expect(normalizeUf(' sp ')).toBe('SP');
  });

  it('rejects non-UFs', () => {
    for (const s of ['', 'XX', 'S', 'SPP', 'BR', 'GB', 'S P', '12']) {
      expect(isValidUf(s), s).toBe(false);
      expect(normalizeUf(s)).toBeNull();
    }
  });
});

describe('normalizeCrmNumber', () => {
  it('returns digits without leading zeros', () => {
    expect(normalizeCrmNumber('123456')).toBe('123456');
    expect(normalizeCrmNumber('0012345')).toBe('12345');
    expect(normalizeCrmNumber('1')).toBe('1');
    expect(normalizeCrmNumber('9999999')).toBe('9999999');
    expect(normalizeCrmNumber(' 123.456 ')).toBe('123456');
    expect(normalizeCrmNumber('000000001')).toBe('1');
  });

  it('rejects empty, letters, all zeros and more than 7 digits', () => {
    for (const s of ['', '   ', '0', '0000', '12a456', 'CRM123', '123-4', '+123', '12345678', '-1', '1,5']) {
      expect(normalizeCrmNumber(s), s).toBeNull();
    }
  });
});

describe('isValidCrm', () => {
  it('needs both a valid number and a valid UF', () => {
    expect(isValidCrm('123456', 'SP')).toBe(true);
    expect(isValidCrm('123456', 'sp')).toBe(true);
    expect(isValidCrm('123456', 'XX')).toBe(false);
    expect(isValidCrm('abc', 'SP')).toBe(false);
    expect(isValidCrm('', '')).toBe(false);
  });
});

describe('crmError', () => {
  it('returns null when valid', () => {
    expect(crmError('123456', 'SP')).toBeNull();
    expect(crmError('0001', 'rj')).toBeNull();
  });

  it('explains each problem in Portuguese', () => {
    expect(crmError('', 'SP')).toBe('Informe o número do CRM.');
    expect(crmError('12a4', 'SP')).toBe('Número do CRM inválido: use apenas números.');
    expect(crmError('000', 'SP')).toBe('Número do CRM inválido: confira os números.');
    expect(crmError('12345678', 'SP')).toBe('Número do CRM inválido: use no máximo 7 dígitos.');
    expect(crmError('123456', '')).toBe('Informe a UF do CRM.');
    expect(crmError('123456', 'XX')).toBe('UF inválida: use a sigla do estado, ex.: SP.');
  });

  it('agrees with isValidCrm', () => {
    const cases: Array<[string, string]> = [
      ['123456', 'SP'],
      ['', 'SP'],
      ['1', 'AC'],
      ['12345678', 'MG'],
      ['12 34', 'df'],
      ['x', 'xx'],
      ['0', 'SP'],
    ];
    for (const [n, uf] of cases) expect(crmError(n, uf) === null).toBe(isValidCrm(n, uf));
  });
});

describe('formatCrm', () => {
  it('formats as CRM/UF number', () => {
    expect(formatCrm('123456', 'SP')).toBe('CRM/SP 123456');
    expect(formatCrm('00123', 'rj')).toBe('CRM/RJ 123');
  });

  it('shows invalid input without throwing', () => {
    expect(formatCrm(' abc ', ' xx ')).toBe('CRM/XX abc');
  });
});
