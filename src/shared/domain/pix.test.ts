import { describe, it, expect } from 'vitest';
import { BR_DDDS, PIX_EMAIL_MAX_LENGTH, PIX_KEY_TYPES, PIX_KEY_TYPE_LABELS, formatPixKey, parsePixKey, pixKeyError, type PixKeyType } from './pix';

describe('PIX key type constants', () => {
  it('lists the five types', () => {
    expect([...PIX_KEY_TYPES]).toEqual(['cpf', 'cnpj', 'email', 'phone', 'evp']);
  });

  it('has Portuguese labels for every type', () => {
    expect(PIX_KEY_TYPE_LABELS).toEqual({
      cpf: 'CPF',
      cnpj: 'CNPJ',
      email: 'E-mail',
      phone: 'Celular',
      evp: 'Chave aleatória',
    });
    for (const t of PIX_KEY_TYPES) expect(PIX_KEY_TYPE_LABELS[t]).toBeTruthy();
  });
});

describe('parsePixKey with detection', () => {
  it('detects a CPF and strips punctuation', () => {
    expect(parsePixKey('529.982.247-25')).toEqual({ type: 'cpf', key: '52998224725' });
    expect(parsePixKey('52998224725')).toEqual({ type: 'cpf', key: '52998224725' });
  });

  it('detects a numeric CNPJ', () => {
    expect(parsePixKey('11.222.333/0001-81')).toEqual({ type: 'cnpj', key: '11222333000181' });
    expect(parsePixKey('11222333000181')).toEqual({ type: 'cnpj', key: '11222333000181' });
  });

  it('detects an alphanumeric CNPJ and upper-cases it', () => {
    expect(parsePixKey('12.abc.345/01de-35')).toEqual({ type: 'cnpj', key: '12ABC34501DE35' });
    expect(parsePixKey('12ABC34501DE35')).toEqual({ type: 'cnpj', key: '12ABC34501DE35' });
  });

  it('detects an e-mail, trimmed and lower-cased', () => {
    expect(parsePixKey('  Dra.Ana@Clinica.COM.br ')).toEqual({
      type: 'email',
      key: 'dra.ana@clinica.com.br',
    });
  });

  it('detects a random key (EVP) and lower-cases it', () => {
    expect(parsePixKey('123E4567-E89B-12D3-A456-426614174000')).toEqual({
      type: 'evp',
      key: '123e4567-e89b-12d3-a456-426614174000',
    });
    expect(parsePixKey(' 7d9f0335-8dcc-4054-9bf9-0dbd61d36906 ')).toEqual({
      type: 'evp',
      key: '7d9f0335-8dcc-4054-9bf9-0dbd61d36906',
    });
  });

  it.each([
    '(11) 91234-5678',
    '11912345678',
    '11 91234-5678',
    '+55 11 91234-5678',
    '+55 (11) 91234-5678',
    '+5511912345678',
    '5511912345678',
    '55 11 91234 5678',
  ])('detects phone %s', (input) => {
    expect(parsePixKey(input)).toEqual({ type: 'phone', key: '+5511912345678' });
  });

  it('refuses landlines: a phone key is always a mobile number', () => {
    expect(parsePixKey('(21) 2345-6789')).toBeNull();
    expect(parsePixKey('552123456789')).toBeNull();
    expect(parsePixKey('+55 (11) 5123-4567')).toBeNull();
  });

  it('prefers CPF for an 11-digit string that is a valid CPF and a valid phone', () => {
    // 119.123.456-84 is a valid CPF and (11) 91234-5684 a valid mobile.
    expect(parsePixKey('11912345684')).toEqual({ type: 'cpf', key: '11912345684' });
    expect(parsePixKey('11912345684', 'phone')).toEqual({ type: 'phone', key: '+5511912345684' });
  });

  it('falls back to phone for an 11-digit string that is not a valid CPF', () => {
    expect(parsePixKey('11912345678')).toEqual({ type: 'phone', key: '+5511912345678' });
  });

  it('treats phone formatting as phone even when the digits form a valid CPF', () => {
    expect(parsePixKey('(11) 91234-5684')).toEqual({ type: 'phone', key: '+5511912345684' });
    expect(parsePixKey('+55 11 91234-5684')).toEqual({ type: 'phone', key: '+5511912345684' });
  });

  it('does not read a mistyped CPF in CPF mask as a phone', () => {
    expect(parsePixKey('529.982.247-26')).toBeNull();
  });

  it.each([
    '',
    '   ',
    'hello',
    'ana@',
    '@clinica.com',
    'ana@clinica',
    '11.222.333/0001-82',
    '123',
    '+1 415 555 0100',
    '(01) 91234-5678',
    '(11) 81234-5678',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567e89b12d3a456426614174000',
  ])('returns null for %j', (input) => {
    expect(parsePixKey(input)).toBeNull();
  });
});

describe('parsePixKey with explicit type', () => {
  it('validates strictly as the given type', () => {
    expect(parsePixKey('52998224725', 'cnpj')).toBeNull();
    expect(parsePixKey('11222333000181', 'cpf')).toBeNull();
    expect(parsePixKey('52998224725', 'email')).toBeNull();
    expect(parsePixKey('ana@clinica.com', 'phone')).toBeNull();
    expect(parsePixKey('11912345678', 'evp')).toBeNull();
    expect(parsePixKey('123e4567-e89b-12d3-a456-426614174000', 'cpf')).toBeNull();
  });

  it('cpf', () => {
    expect(parsePixKey('529.982.247-25', 'cpf')).toEqual({ type: 'cpf', key: '52998224725' });
    expect(parsePixKey('529.982.247-26', 'cpf')).toBeNull();
    expect(parsePixKey('111.111.111-11', 'cpf')).toBeNull();
  });

  it('cnpj', () => {
    expect(parsePixKey('12.ABC.345/01DE-35', 'cnpj')).toEqual({ type: 'cnpj', key: '12ABC34501DE35' });
    expect(parsePixKey('12.ABC.345/01DE-36', 'cnpj')).toBeNull();
  });

  it('email', () => {
    expect(parsePixKey('Ana@Clinica.com', 'email')).toEqual({ type: 'email', key: 'ana@clinica.com' });
    expect(parsePixKey('ana+pix@sub.clinica.com.br', 'email')).toEqual({
      type: 'email',
      key: 'ana+pix@sub.clinica.com.br',
    });
    for (const bad of [
      'ana',
      'ana@@clinica.com',
      'ana@clinica@com.br',
      'ana silva@clinica.com',
      'ana..silva@clinica.com',
      '.ana@clinica.com',
      'ana.@clinica.com',
      'ana@-clinica.com',
      'ana@clinica-.com',
      'ana@clinica..com',
      'ana@clinica.com.',
      'ana@.clinica.com',
      'ana@clinica.c0m.1',
    ]) {
      expect(parsePixKey(bad, 'email'), bad).toBeNull();
    }
  });

  it('email length limit is 77 characters', () => {
    const domain = '@clinica.com.br';
    const atLimit = 'a'.repeat(PIX_EMAIL_MAX_LENGTH - domain.length) + domain;
    expect(atLimit).toHaveLength(77);
    expect(parsePixKey(atLimit, 'email')).not.toBeNull();
    expect(parsePixKey(`b${atLimit}`, 'email')).toBeNull();
  });

  it('phone', () => {
    expect(parsePixKey('(99) 99999-9999', 'phone')).toEqual({ type: 'phone', key: '+5599999999999' });
    expect(parsePixKey('(51) 98765-4321', 'phone')).toEqual({ type: 'phone', key: '+5551987654321' });
    // DDD 55 (RS) without country code is still a national number.
    expect(parsePixKey('55 99876-5432', 'phone')).toEqual({ type: 'phone', key: '+5555998765432' });
    for (const bad of [
      '(10) 91234-5678', // area code below 11
      '(01) 91234-5678',
      '011 91234-5678', // trunk prefix
      '(11) 81234-5678', // 9 digits must start with 9
      '(11) 0123-4567', // 8 digits cannot start with 0
      '(11) 9123-4567', // old 8-digit mobile missing the leading 9
      '(11) 6123-4567',
      '91234-5678', // no DDD
      '(11) 912345-67890',
      '+1 11 91234-5678',
      '+55 11 91234-567',
      '++5511912345678',
      '11 9123a-5678',
      '11/91234-5678',
    ]) {
      expect(parsePixKey(bad, 'phone'), bad).toBeNull();
    }
  });

  it('evp accepts any UUID version and casing', () => {
    expect(parsePixKey('00000000-0000-0000-0000-000000000000', 'evp')).not.toBeNull();
    expect(parsePixKey('FFFFFFFF-FFFF-1FFF-8FFF-FFFFFFFFFFFF', 'evp')).toEqual({
      type: 'evp',
      key: 'ffffffff-ffff-1fff-8fff-ffffffffffff',
    });
    expect(parsePixKey('g23e4567-e89b-12d3-a456-426614174000', 'evp')).toBeNull();
    expect(parsePixKey('{123e4567-e89b-12d3-a456-426614174000}', 'evp')).toBeNull();
  });
});

describe('pixKeyError', () => {
  it('returns null for valid keys', () => {
    expect(pixKeyError('529.982.247-25', 'cpf')).toBeNull();
    expect(pixKeyError('12.ABC.345/01DE-35', 'cnpj')).toBeNull();
    expect(pixKeyError('ana@clinica.com', 'email')).toBeNull();
    expect(pixKeyError('(11) 91234-5678', 'phone')).toBeNull();
    expect(pixKeyError('123e4567-e89b-12d3-a456-426614174000', 'evp')).toBeNull();
  });

  it('explains invalid keys per type', () => {
    expect(pixKeyError('529.982.247-26', 'cpf')).toBe('CPF inválido: confira os números.');
    expect(pixKeyError('11.222.333/0001-82', 'cnpj')).toMatch(/^CNPJ inválido/);
    expect(pixKeyError('ana@clinica', 'email')).toMatch(/^E-mail inválido/);
    expect(pixKeyError('91234-5678', 'phone')).toBe('Falta o DDD: use DDD + número, ex.: (11) 91234-5678.');
    expect(pixKeyError('(11) 1234-567', 'phone')).toBe('Celular inválido: use DDD + número, ex.: (11) 91234-5678.');
    expect(pixKeyError('abc', 'evp')).toBe('Chave aleatória inválida: deve ter o formato 123e4567-e89b-12d3-a456-426614174000.');
  });

  it('reports a too-long e-mail specifically', () => {
    expect(pixKeyError(`${'a'.repeat(80)}@clinica.com`, 'email')).toBe('E-mail muito longo: use no máximo 77 caracteres.');
  });

  it('asks for the value when empty', () => {
    const types: PixKeyType[] = ['cpf', 'cnpj', 'email', 'phone', 'evp'];
    for (const t of types) expect(pixKeyError('  ', t)).toMatch(/^Informe /);
    expect(pixKeyError('', 'phone')).toBe('Informe o celular.');
  });

  it('does not accept a key of another type', () => {
    expect(pixKeyError('52998224725', 'email')).not.toBeNull();
    expect(pixKeyError('ana@clinica.com', 'cpf')).not.toBeNull();
  });
});

describe('formatPixKey', () => {
  it('formats each type for display', () => {
    expect(formatPixKey('cpf', '52998224725')).toBe('529.982.247-25');
    expect(formatPixKey('cnpj', '11222333000181')).toBe('11.222.333/0001-81');
    expect(formatPixKey('cnpj', '12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatPixKey('phone', '+5511912345678')).toBe('+55 (11) 91234-5678');
    // A landline stored before they were refused is still shown punctuated.
    expect(formatPixKey('phone', '+552123456789')).toBe('+55 (21) 2345-6789');
    expect(formatPixKey('email', 'ana@clinica.com')).toBe('ana@clinica.com');
    expect(formatPixKey('evp', '123e4567-e89b-12d3-a456-426614174000')).toBe('123e4567-e89b-12d3-a456-426614174000');
  });

  it('round-trips through parsePixKey', () => {
    for (const input of ['529.982.247-25', '12.ABC.345/01DE-35', '(11) 91234-5678']) {
      const parsed = parsePixKey(input);
      expect(parsed).not.toBeNull();
      if (!parsed) continue;
      expect(parsePixKey(formatPixKey(parsed.type, parsed.key), parsed.type)).toEqual(parsed);
    }
  });

  it('returns unparseable keys unchanged', () => {
    expect(formatPixKey('cpf', 'abc')).toBe('abc');
    expect(formatPixKey('phone', '123')).toBe('123');
  });
});

describe('DICT rules for phone keys', () => {
  it('accepts a Brazilian mobile in any usual writing and stores +55DD9XXXXXXXX', () => {
    for (const input of ['(21) 99876-5432', '21998765432', '+55 21 99876-5432', '5521998765432', '+55 (21) 9 9876-5432']) {
      expect(parsePixKey(input, 'phone'), input).toEqual({ type: 'phone', key: '+5521998765432' });
    }
  });

  it('knows the 67 DDDs in use and accepts a mobile in each', () => {
    expect(BR_DDDS.size).toBe(67);
    for (const ddd of BR_DDDS) expect(parsePixKey(`${ddd}912345678`, 'phone'), String(ddd)).not.toBeNull();
  });

  it.each([20, 23, 25, 26, 29, 30, 36, 39, 40, 50, 52, 56, 57, 58, 59, 60, 70, 72, 76, 78, 80, 90])('refuses DDD %i, which does not exist', (ddd) => {
    expect(parsePixKey(`(${ddd}) 91234-5678`, 'phone')).toBeNull();
    expect(pixKeyError(`(${ddd}) 91234-5678`, 'phone')).toBe(`O DDD ${ddd} não existe: confira o código de área.`);
  });

  it('refuses a landline in plain words', () => {
    for (const landline of ['(11) 3333-4444', '(21) 2345-6789', '+55 51 5123-4567', '554133334444']) {
      expect(parsePixKey(landline, 'phone'), landline).toBeNull();
      expect(pixKeyError(landline, 'phone'), landline).toMatch(/^Esse número é de telefone fixo\. A chave PIX por telefone é sempre um celular/);
    }
  });

  it('explains each other refusal', () => {
    expect(pixKeyError('(11) 9123-4567', 'phone')).toMatch(/^Falta o 9 na frente/);
    expect(pixKeyError('(11) 81234-5678', 'phone')).toBe('Celular inválido: depois do DDD vêm 9 dígitos começando com 9.');
    expect(pixKeyError('91234-5678', 'phone')).toMatch(/^Falta o DDD/);
    expect(pixKeyError('+1 415 555 0100', 'phone')).toBe('A chave PIX por celular precisa ser um número do Brasil (+55).');
    expect(pixKeyError('+351 912 345 678', 'phone')).toMatch(/Brasil \(\+55\)/);
    expect(pixKeyError('11 9123a-5678', 'phone')).toMatch(/^Celular inválido/);
  });
});

describe('DICT rules for e-mail keys', () => {
  it('accepts letters, digits and . _ - + before the @', () => {
    expect(parsePixKey('Ana.Souza_Lima-1+pix@clinica.com.br', 'email')).toEqual({ type: 'email', key: 'ana.souza_lima-1+pix@clinica.com.br' });
  });

  it('refuses % and other symbols, naming the character', () => {
    expect(parsePixKey('ana%pix@clinica.com', 'email')).toBeNull();
    expect(pixKeyError('ana%pix@clinica.com', 'email')).toBe('E-mail com "%": a chave PIX só aceita letras sem acento, números e . _ - + antes do @.');
    for (const c of ['!', '#', '$', '&', "'", '*', '/', '=', '?', '^', '`', '{', '|', '}', '~', 'ã', 'ç']) {
      expect(parsePixKey(`ana${c}pix@clinica.com`, 'email'), c).toBeNull();
      expect(pixKeyError(`ana${c}pix@clinica.com`, 'email'), c).toContain(`"${c}"`);
    }
    expect(pixKeyError('ana pix@clinica.com', 'email')).toMatch(/^E-mail com espaço/);
  });

  it('limits the whole address to 77 characters, with no separate limit before the @', () => {
    const domain = '@c.com.br';
    const local = 'a'.repeat(PIX_EMAIL_MAX_LENGTH - domain.length);
    expect(local.length).toBeGreaterThan(64);
    expect(parsePixKey(local + domain, 'email')).not.toBeNull();
    expect(parsePixKey(`a${local}${domain}`, 'email')).toBeNull();
    expect(pixKeyError(`a${local}${domain}`, 'email')).toBe('E-mail muito longo: use no máximo 77 caracteres.');
  });
});

describe('DICT rules for CPF, CNPJ and random keys', () => {
  it('checks CPF check digits and explains the length or stray characters', () => {
    expect(parsePixKey('529.982.247-25', 'cpf')).toEqual({ type: 'cpf', key: '52998224725' });
    expect(pixKeyError('529.982.247-2', 'cpf')).toBe('CPF tem 11 dígitos, e foram digitados 10.');
    expect(pixKeyError('529.982.247-2X', 'cpf')).toBe('CPF tem só números: confira o que foi digitado.');
    expect(pixKeyError('529.982.247-26', 'cpf')).toBe('CPF inválido: confira os números.');
  });

  it('accepts the alphanumeric CNPJ (2026) in any case and stores it upper-case', () => {
    expect(parsePixKey('12.abc.345/01de-35', 'cnpj')).toEqual({ type: 'cnpj', key: '12ABC34501DE35' });
    expect(pixKeyError('12.ABC.345/01DE-3A', 'cnpj')).toBe('CNPJ inválido: os dois últimos caracteres (dígitos verificadores) são sempre números.');
    expect(pixKeyError('12.ABC.345/01DE-3', 'cnpj')).toBe('CNPJ tem 14 caracteres, e foram digitados 13.');
    expect(pixKeyError('12.ABÇ.345/01DE-35', 'cnpj')).toMatch(/^CNPJ tem só letras sem acento e números/);
    expect(pixKeyError('12.ABC.345/01DE-36', 'cnpj')).toBe('CNPJ inválido: confira os 14 caracteres.');
  });

  it('takes a random key in upper case and stores it lower-case', () => {
    expect(parsePixKey('7D9F0335-8DCC-4054-9BF9-0DBD61D36906', 'evp')).toEqual({ type: 'evp', key: '7d9f0335-8dcc-4054-9bf9-0dbd61d36906' });
    expect(pixKeyError('7D9F0335-8DCC-4054-9BF9', 'evp')).toMatch(/^Chave aleatória inválida/);
  });
});
