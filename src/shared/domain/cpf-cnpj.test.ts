import { describe, it, expect } from 'vitest';
import {
  cnpjCheckDigits,
  cnpjError,
  cpfError,
  cpfCheckDigits,
  formatCnpj,
  formatCpf,
  isValidCnpj,
  isValidCpf,
  normalizeCnpj,
  normalizeCpf,
  stripCnpjPunctuation,
  stripCpfPunctuation,
} from './cpf-cnpj';

// Generated with an independent implementation (the textbook "sum * 10 % 11"
// variant) and cross-checked against published examples.
const VALID_CPFS = ['52998224725', '12345678909', '11144477735', '98765432100', '00000000191', '11912345684', '21987654382', '39053344705', '74825200079'];

describe('isValidCpf', () => {
  it.each(VALID_CPFS)('accepts valid CPF %s without punctuation', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each(VALID_CPFS)('accepts valid CPF %s with punctuation', (cpf) => {
    expect(isValidCpf(formatCpf(cpf))).toBe(true);
  });

  it('accepts the well-known examples', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('123.456.789-09')).toBe(true);
    expect(isValidCpf('  529.982.247-25  ')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('529.982.247-35')).toBe(false);
    expect(isValidCpf('52998224752')).toBe(false);
    expect(isValidCpf('12345678900')).toBe(false);
    expect(isValidCpf('123.456.789-10')).toBe(false);
  });

  it('rejects every repeated-digit sequence even though they pass mod 11', () => {
    for (let d = 0; d <= 9; d++) {
      const cpf = String(d).repeat(11);
      // Sanity: the check digits alone would accept these.
      expect(cpfCheckDigits(cpf.slice(0, 9))).toBe(cpf.slice(9));
      expect(isValidCpf(cpf)).toBe(false);
      expect(isValidCpf(formatCpf(cpf))).toBe(false);
    }
  });

  it('rejects wrong lengths', () => {
    expect(isValidCpf('')).toBe(false);
    expect(isValidCpf('5299822472')).toBe(false);
    expect(isValidCpf('529982247250')).toBe(false);
    expect(isValidCpf('052998224725')).toBe(false);
    expect(isValidCpf('529.982.247-2')).toBe(false);
  });

  it('rejects letters and stray characters', () => {
    expect(isValidCpf('529.982.247-2A')).toBe(false);
    expect(isValidCpf('A29.982.247-25')).toBe(false);
    expect(isValidCpf('529 982 247 25')).toBe(false);
    expect(isValidCpf('529/982/247-25')).toBe(false);
    expect(isValidCpf('529,982,247-25')).toBe(false);
    expect(isValidCpf('+52998224725')).toBe(false);
    expect(isValidCpf('５２９９８２２４７２５')).toBe(false); // full-width digits
  });

  it('accepts exactly one check-digit pair per base', () => {
    for (const base of ['529982247', '000000001', '123456789', '987654321', '314159265']) {
      let valid = 0;
      for (let dv = 0; dv < 100; dv++) {
        if (isValidCpf(base + String(dv).padStart(2, '0'))) valid++;
      }
      expect(valid).toBe(1);
    }
  });
});

describe('normalizeCpf / formatCpf', () => {
  it('normalizes to 11 digits', () => {
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
    expect(normalizeCpf(' 52998224725 ')).toBe('52998224725');
  });

  it('returns null for invalid CPFs', () => {
    expect(normalizeCpf('529.982.247-26')).toBeNull();
    expect(normalizeCpf('111.111.111-11')).toBeNull();
    expect(normalizeCpf('abc')).toBeNull();
  });

  it('formats digits with the CPF mask', () => {
    expect(formatCpf('12345678909')).toBe('123.456.789-09');
    expect(formatCpf('123.456.789-09')).toBe('123.456.789-09');
  });

  it('returns malformed input unchanged instead of throwing', () => {
    expect(formatCpf('123')).toBe('123');
    expect(formatCpf('')).toBe('');
  });

  it('strips only CPF punctuation', () => {
    expect(stripCpfPunctuation(' 123.456.789-09 ')).toBe('12345678909');
    expect(stripCpfPunctuation('123/456')).toBe('123/456');
  });
});

describe('cpfCheckDigits', () => {
  it('computes the check digits', () => {
    expect(cpfCheckDigits('529982247')).toBe('25');
    expect(cpfCheckDigits('123456789')).toBe('09');
  });

  it('rejects a malformed base', () => {
    expect(() => cpfCheckDigits('12345678')).toThrow(RangeError);
    expect(() => cpfCheckDigits('12345678A')).toThrow(RangeError);
  });
});

describe('isValidCnpj (numeric)', () => {
  it('accepts known valid numeric CNPJs with and without punctuation', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11222333000181')).toBe(true);
    expect(isValidCnpj('11.444.777/0001-61')).toBe(true);
    expect(isValidCnpj(' 11444777000161 ')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isValidCnpj('11.222.333/0001-80')).toBe(false);
    expect(isValidCnpj('11.222.333/0001-18')).toBe(false);
    expect(isValidCnpj('11.444.777/0001-62')).toBe(false);
  });

  it('rejects repeated-character sequences', () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidCnpj(String(d).repeat(14))).toBe(false);
    }
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
  });

  it('rejects wrong lengths and stray characters', () => {
    expect(isValidCnpj('')).toBe(false);
    expect(isValidCnpj('1122233300018')).toBe(false);
    expect(isValidCnpj('112223330001811')).toBe(false);
    expect(isValidCnpj('11 222 333 0001 81')).toBe(false);
    expect(isValidCnpj('11.222.333\\0001-81')).toBe(false);
    expect(isValidCnpj('11.222.333/0001_81')).toBe(false);
  });

  it('rejects a CPF', () => {
    expect(isValidCnpj('52998224725')).toBe(false);
  });
});

describe('isValidCnpj (alphanumeric, from July 2026)', () => {
  it('accepts the Receita Federal published example', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12ABC34501DE35')).toBe(true);
  });

  it('is case-insensitive', () => {
    expect(isValidCnpj('12.abc.345/01de-35')).toBe(true);
    expect(isValidCnpj('12abc34501De35')).toBe(true);
  });

  it('accepts other alphanumeric CNPJs computed independently', () => {
    expect(isValidCnpj('AB.123.456/7890-82')).toBe(true);
    expect(isValidCnpj('A1B2C3D4E5F668')).toBe(true);
    // All letters in the base but differing check digits: not a repeated sequence.
    expect(isValidCnpj('ZZZZZZZZZZZZ62')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-53')).toBe(false);
    expect(isValidCnpj('12.ABD.345/01DE-35')).toBe(false);
  });

  it('rejects letters in the check-digit positions', () => {
    expect(isValidCnpj('12ABC34501DE3A')).toBe(false);
    expect(isValidCnpj('12ABC34501DEAB')).toBe(false);
  });

  it('rejects characters outside 0-9/A-Z', () => {
    expect(isValidCnpj('12ÁBC34501DE35')).toBe(false);
    expect(isValidCnpj('12@BC34501DE35')).toBe(false);
    expect(isValidCnpj('12ABC3450 DE35')).toBe(false);
  });

  it('accepts exactly one check-digit pair per base', () => {
    for (const base of ['12ABC34501DE', '112223330001', 'ZZZZZZZZZZZZ', '00000000000A']) {
      let valid = 0;
      for (let dv = 0; dv < 100; dv++) {
        if (isValidCnpj(base + String(dv).padStart(2, '0'))) valid++;
      }
      expect(valid).toBe(1);
    }
  });
});

describe('cnpjCheckDigits', () => {
  it('maps letters to ASCII code minus 48', () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(cnpjCheckDigits('12abc34501de')).toBe('35');
    expect(cnpjCheckDigits('112223330001')).toBe('81');
  });

  it('rejects a malformed base', () => {
    expect(() => cnpjCheckDigits('12ABC34501D')).toThrow(RangeError);
    expect(() => cnpjCheckDigits('12ABC34501D-')).toThrow(RangeError);
  });
});

describe('normalizeCnpj / formatCnpj', () => {
  it('normalizes to 14 upper-case characters', () => {
    expect(normalizeCnpj('11.222.333/0001-81')).toBe('11222333000181');
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });

  it('returns null for invalid CNPJs', () => {
    expect(normalizeCnpj('11.222.333/0001-82')).toBeNull();
    expect(normalizeCnpj('00000000000000')).toBeNull();
    expect(normalizeCnpj('')).toBeNull();
  });

  it('formats with the CNPJ mask', () => {
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj('12.ABC.345/01DE-35')).toBe('12.ABC.345/01DE-35');
  });

  it('returns malformed input unchanged instead of throwing', () => {
    expect(formatCnpj('123')).toBe('123');
  });

  it('strips only CNPJ punctuation and upper-cases', () => {
    expect(stripCnpjPunctuation(' 12.abc.345/01de-35 ')).toBe('12ABC34501DE35');
  });
});

describe('cpfError', () => {
  it('is null for a valid CPF, with or without punctuation', () => {
    expect(cpfError('529.982.247-25')).toBeNull();
    expect(cpfError(' 52998224725 ')).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(cpfError('529.982.247-2A')).toBe('CPF tem só números: confira o que foi digitado.');
    expect(cpfError('5299822472')).toBe('CPF tem 11 dígitos, e foram digitados 10.');
    expect(cpfError('529982247250')).toBe('CPF tem 11 dígitos, e foram digitados 12.');
    expect(cpfError('529.982.247-26')).toBe('CPF inválido: confira os números.');
    expect(cpfError('111.111.111-11')).toBe('CPF inválido: confira os números.');
  });
});

describe('cnpjError', () => {
  it('is null for valid numeric and alphanumeric CNPJs in any case', () => {
    expect(cnpjError('11.222.333/0001-81')).toBeNull();
    expect(cnpjError('12.ABC.345/01DE-35')).toBeNull();
    expect(cnpjError('12abc34501de35')).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(cnpjError('12.ÁBC.345/01DE-35')).toBe('CNPJ tem só letras sem acento e números: confira o que foi digitado.');
    expect(cnpjError('12 ABC 345 01DE 35')).toMatch(/^CNPJ tem só letras/);
    expect(cnpjError('12.ABC.345/01DE-3')).toBe('CNPJ tem 14 caracteres, e foram digitados 13.');
    expect(cnpjError('12ABC34501DE3A')).toBe('CNPJ inválido: os dois últimos caracteres (dígitos verificadores) são sempre números.');
    expect(cnpjError('12.ABC.345/01DE-36')).toBe('CNPJ inválido: confira os 14 caracteres.');
    expect(cnpjError('00.000.000/0000-00')).toBe('CNPJ inválido: confira os 14 caracteres.');
  });

  it('computes alphanumeric check digits with ASCII - 48 values (independent computation)', () => {
    // By hand for 12ABC34501DE: values 1,2,17,18,19,3,4,5,0,1,20,21 with weights 5,4,3,2,9,8,7,6,5,4,3,2
    // sum 459, 459 % 11 = 8, first digit 11 - 8 = 3; with it and weights 6,5,4,3,2,9,8,7,6,5,4,3,2
    // sum 424, 424 % 11 = 6, second digit 11 - 6 = 5.
    const values = [...'12ABC34501DE'].map((c) => c.charCodeAt(0) - 48);
    const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const s1 = values.reduce((acc, v, i) => acc + v * w1[i]!, 0);
    expect(s1).toBe(459);
    const w2 = [6, ...w1];
    const s2 = [...values, 3].reduce((acc, v, i) => acc + v * w2[i]!, 0);
    expect(s2).toBe(424);
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
  });
});
