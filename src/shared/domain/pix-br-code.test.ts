import { describe, expect, it } from 'vitest';
import { type PixKeyType } from './pix';
import {
  PIX_NAME_MAX_LENGTH,
  PixPayloadError,
  buildPixPayload,
  crc16CcittFalse,
  normalizePixText,
  parsePixPayload,
  type ParsedPixPayload,
} from './pix-br-code';

/**
 * A second CRC16-CCITT-FALSE, written independently of the table-driven one in pix.ts: bit by bit
 * over the bytes, as the EMV book describes it.
 */
function bitwiseCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
      crc &= 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Closes a BR Code body with the CRC field, using the test's own CRC. */
const sign = (body: string) => `${body}6304${bitwiseCrc(`${body}6304`)}`;

/** A TLV field built by hand in the test, independent of the builder. */
const f = (id: string, value: string) => `${id}${String(value.length).padStart(2, '0')}${value}`;

/** The static example of the BCB's "Manual de Padrões para Iniciação do Pix" (random key, no amount). */
const BCB_MANUAL_EXAMPLE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

const KEYS: Record<PixKeyType, string> = {
  cpf: '52998224725',
  cnpj: '12ABC34501DE35',
  phone: '+5511912345678',
  email: 'dra.ana.souza@clinica.com.br',
  evp: '123e4567-e12b-12d1-a456-426655440000',
};

function parsed(payload: string): ParsedPixPayload {
  const result = parsePixPayload(payload);
  if (!result.ok) throw new Error(`expected a valid BR Code, got: ${result.reason}`);
  return result.payload;
}

function reason(payload: string): string {
  const result = parsePixPayload(payload);
  if (result.ok) throw new Error(`expected ${payload} to be refused`);
  return result.reason;
}

describe('crc16CcittFalse', () => {
  it('gives the catalogue check value of CRC-16/CCITT-FALSE', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(bitwiseCrc('123456789')).toBe('29B1');
  });

  it('reproduces the CRC of the BCB manual example', () => {
    expect(crc16CcittFalse(BCB_MANUAL_EXAMPLE.slice(0, -4))).toBe('1D3D');
  });

  it('agrees with the bitwise implementation on many inputs, UTF-8 included', () => {
    const samples = [
      '',
      '6304',
      'São Paulo ☕',
      '\u{1F600}',
      ...Array.from({ length: 200 }, (_, i) => `${i}`.repeat(i % 37) + String.fromCharCode(32 + (i % 95))),
    ];
    for (const s of samples) expect(crc16CcittFalse(s), s).toBe(bitwiseCrc(s));
  });
});

describe('buildPixPayload', () => {
  it('builds the BCB manual example (the builder upper-cases the name)', () => {
    const built = buildPixPayload({ key: '123e4567-e12b-12d1-a456-426655440000', name: 'Fulano de Tal', city: 'BRASILIA' });
    const expected = sign(BCB_MANUAL_EXAMPLE.slice(0, -8).replace('5913Fulano de Tal', '5913FULANO DE TAL'));
    expect(built).toBe(expected);
  });

  it('writes every field of a CPF key with amount and txid, field by field', () => {
    const built = buildPixPayload({ key: '52998224725', name: 'Dra. Ana Souza', city: 'São Paulo', amountCents: 123_45, txid: 'MC202611A1' });
    const body =
      '000201' +
      '2633' +
      '0014br.gov.bcb.pix' +
      '011152998224725' +
      '52040000' +
      '5303986' +
      '5406123.45' +
      '5802BR' +
      '5914DRA. ANA SOUZA' +
      '6009SAO PAULO' +
      '6214' +
      '0510MC202611A1';
    expect(built).toBe(sign(body));
  });

  const cases = (Object.keys(KEYS) as PixKeyType[]).flatMap((type) => [
    { type, amountCents: undefined, txid: undefined },
    { type, amountCents: 250_000, txid: undefined },
    { type, amountCents: undefined, txid: 'REPASSE202611' },
    { type, amountCents: 1, txid: 'a'.repeat(25) },
  ]);

  it.each(cases)('$type key, amount $amountCents, txid $txid: fields as built by hand, CRC checked independently', ({ type, amountCents, txid }) => {
    const key = KEYS[type];
    const built = buildPixPayload({ key, name: 'Clínica Saúde', city: 'Curitiba', amountCents, txid });
    const amount = amountCents === undefined ? '' : f('54', `${Math.floor(amountCents / 100)}.${String(amountCents % 100).padStart(2, '0')}`);
    const body =
      f('00', '01') +
      f('26', f('00', 'br.gov.bcb.pix') + f('01', key)) +
      f('52', '0000') +
      f('53', '986') +
      amount +
      f('58', 'BR') +
      f('59', 'CLINICA SAUDE') +
      f('60', 'CURITIBA') +
      f('62', f('05', txid ?? '***'));
    expect(built).toBe(sign(body));
    expect(built.slice(-4)).toMatch(/^[0-9A-F]{4}$/);
  });

  it.each(cases)('$type key, amount $amountCents, txid $txid: round trip through the parser', ({ type, amountCents, txid }) => {
    const key = KEYS[type];
    const built = buildPixPayload({ key, name: 'Clínica Saúde', city: 'Curitiba', amountCents, txid, description: 'Repasse novembro' });
    expect(parsed(built)).toEqual({
      key,
      keyType: type,
      description: 'Repasse novembro',
      merchantCategoryCode: '0000',
      amountCents: amountCents ?? null,
      name: 'CLINICA SAUDE',
      city: 'CURITIBA',
      txid: txid ?? null,
      crc: built.slice(-4),
    });
  });

  it('formats amounts from integer centavos', () => {
    const amountOf = (amountCents: number) => parsed(buildPixPayload({ key: KEYS.cpf, name: 'A', city: 'B', amountCents })).amountCents;
    for (const cents of [1, 10, 99, 100, 101, 123_45, 1_000_000_00, 999_999_999_999]) expect(amountOf(cents)).toBe(cents);
    expect(buildPixPayload({ key: KEYS.cpf, name: 'A', city: 'B', amountCents: 1 })).toContain('54040.01');
    expect(buildPixPayload({ key: KEYS.cpf, name: 'A', city: 'B', amountCents: 100 })).toContain('54041.00');
    expect(buildPixPayload({ key: KEYS.cpf, name: 'A', city: 'B', amountCents: 999_999_999_999 })).toContain('54139999999999.99');
  });

  it('refuses amounts that are not a positive whole number of centavos', () => {
    for (const amountCents of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000]) {
      expect(() => buildPixPayload({ key: KEYS.cpf, name: 'A', city: 'B', amountCents }), String(amountCents)).toThrow(PixPayloadError);
    }
  });

  it('normalises name and city: upper-case ASCII, no accents or emoji, cut to 25 and 15 characters', () => {
    const built = buildPixPayload({
      key: KEYS.evp,
      name: '  Dra. Conceição 😀 Müller-Lüdenscheidt da Silva ',
      city: 'São João del-Rei 🏙️',
    });
    const p = parsed(built);
    expect(p.name).toBe('DRA. CONCEICAO MULLER-LUD');
    expect(p.name).toHaveLength(PIX_NAME_MAX_LENGTH);
    expect(p.city).toBe('SAO JOAO DEL-RE');
    expect(built).toMatch(/^[\x20-\x7e]+$/);
  });

  it('normalizePixText trims after cutting and collapses what the removed characters leave', () => {
    expect(normalizePixText(`${'a'.repeat(24)} b`, 25)).toBe('A'.repeat(24));
    expect(normalizePixText('Ana 😀 Lima', 25)).toBe('ANA LIMA');
    expect(normalizePixText('Ana😀Lima', 25)).toBe('ANALIMA');
    expect(normalizePixText("D'Ávila & Filhos (SP)", 25)).toBe("D'AVILA FILHOS SP");
    expect(normalizePixText('Straße Øresund Æbeltoft', 25)).toBe('STRASSE ORESUND AEBELTOFT');
    expect(normalizePixText('Paço\tdo\nLumiar', 15)).toBe('PACO DO LUMIAR');
  });

  it('refuses a name or a city with nothing left after normalising', () => {
    expect(() => buildPixPayload({ key: KEYS.cpf, name: '😀🎉', city: 'Recife' })).toThrow(expect.objectContaining({ field: 'name' }));
    expect(() => buildPixPayload({ key: KEYS.cpf, name: 'Ana', city: '  ' })).toThrow(expect.objectContaining({ field: 'city' }));
  });

  it.each(['', '***', 'PAG-2026-11', 'pag 1', 'pagação', 'a'.repeat(26), 'ABC_1', 'ABC.1', '😀'])('refuses the txid %j', (txid) => {
    expect(() => buildPixPayload({ key: KEYS.cpf, name: 'Ana', city: 'Recife', txid })).toThrow(
      expect.objectContaining({ name: 'PixPayloadError', field: 'txid', message: expect.stringMatching(/1 to 25 characters/) }),
    );
  });

  it.each(['529.982.247-25', 'Dra.Ana@Clinica.com', '(11) 91234-5678', '+552123456789', '123E4567-E12B-12D1-A456-426655440000', 'PAG', ''])(
    'refuses the key %j, which is not a canonical PIX key',
    (key) => {
      expect(() => buildPixPayload({ key, name: 'Ana', city: 'Recife' })).toThrow(expect.objectContaining({ field: 'key' }));
    },
  );

  it('keeps the merchant account within 99 characters: the description is shortened, or left out', () => {
    const longDescription = `Repasse de novembro de 2026 — ${'consultas '.repeat(20)}`;
    const longestEmail = `${'a'.repeat(77 - '@clinica.com.br'.length)}@clinica.com.br`;
    expect(longestEmail).toHaveLength(77);
    for (const key of [...Object.values(KEYS), longestEmail]) {
      const built = buildPixPayload({ key, name: 'Ana', city: 'Recife', description: longDescription });
      const account = /^000201(26)(\d{2})/.exec(built);
      expect(Number(account?.[2])).toBeLessThanOrEqual(99);
      const p = parsed(built);
      if (key === longestEmail) {
        expect(p.description).toBeNull();
        expect(Number(account?.[2])).toBe(99);
      } else {
        expect(p.description).not.toBeNull();
        expect(`Repasse de novembro de 2026 ${'consultas '.repeat(20)}`.startsWith(p.description!)).toBe(true);
        // As long as it can be: one more character would overflow the template.
        expect(Number(account?.[2])).toBeGreaterThanOrEqual(98);
      }
    }
  });

  it('writes the description as printable ASCII, keeping its case', () => {
    const p = parsed(buildPixPayload({ key: KEYS.cpf, name: 'Ana', city: 'Recife', description: ' Repasse — março 😀 ' }));
    expect(p.description).toBe('Repasse marco');
    expect(parsed(buildPixPayload({ key: KEYS.cpf, name: 'Ana', city: 'Recife', description: '😀' })).description).toBeNull();
  });

  it('random names and cities always give a code the parser accepts', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const alphabet = ['a', 'Z', 'ã', 'Ç', ' ', '-', "'", '😀', '漢', '\u0301', '.', '9', 'ß', '\t', '%', '*'];
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]).join('');
      const name = `A${text}`;
      const city = `B${text}`;
      const p = parsed(buildPixPayload({ key: KEYS.phone, name, city, amountCents: 1 + (next() % 100_000) }));
      expect(p.name).toMatch(/^[A-Z0-9 .'-]{1,25}$/);
      expect(p.city).toMatch(/^[A-Z0-9 .'-]{1,15}$/);
    }
  });
});

describe('parsePixPayload', () => {
  const good = buildPixPayload({ key: KEYS.email, name: 'Dra Ana Souza', city: 'Recife', amountCents: 4_321_00, txid: 'FECH202611' });

  it('accepts the BCB manual example as published', () => {
    expect(parsed(BCB_MANUAL_EXAMPLE)).toEqual({
      key: '123e4567-e12b-12d1-a456-426655440000',
      keyType: 'evp',
      description: null,
      merchantCategoryCode: '0000',
      amountCents: null,
      name: 'Fulano de Tal',
      city: 'BRASILIA',
      txid: null,
      crc: '1D3D',
    });
  });

  it('refuses a code with any one character changed', () => {
    for (let i = 0; i < good.length; i++) {
      const c = good[i]!;
      const other = c === 'A' ? 'B' : c === '0' ? '1' : /[0-9]/.test(c) ? '0' : 'A';
      const tampered = good.slice(0, i) + other + good.slice(i + 1);
      // Swapping a CRC hex digit's case is the same number; everything else must fail.
      expect(parsePixPayload(tampered).ok, `position ${i}`).toBe(false);
    }
    expect(reason(good.replace('432100', '532100').replace('4321.00', '5321.00'))).toMatch(/^CRC não confere/);
  });

  it('refuses a wrong CRC and says so', () => {
    const crc = good.slice(-4);
    const wrong = crc === '0000' ? '0001' : '0000';
    expect(reason(good.slice(0, -4) + wrong)).toBe(`CRC não confere (calculado ${crc}, no código ${wrong}): o código foi alterado ou copiado pela metade.`);
    expect(reason(`${good.slice(0, -4)}ZZZZ`)).toMatch(/CRC \(campo 63/);
  });

  it('accepts the CRC in lower-case hex (the same number)', () => {
    const withLetters = [1, 2, 3, 4, 5, 6, 7, 8, 9]
      .map((i) => buildPixPayload({ key: KEYS.cpf, name: 'Ana', city: 'Recife', amountCents: i }))
      .find((p) => /[A-F]/.test(p.slice(-4)))!;
    expect(parsePixPayload(withLetters.slice(0, -4) + withLetters.slice(-4).toLowerCase()).ok).toBe(true);
  });

  it('refuses a truncated code at every length', () => {
    for (let n = 0; n < good.length; n++) expect(parsePixPayload(good.slice(0, n)).ok, `first ${n} characters`).toBe(false);
    expect(reason(good.slice(0, -2))).toMatch(/^Código incompleto: o campo 63 declara 4 caracteres/);
    expect(reason('')).toBe('Código vazio.');
    expect(reason(`${good} `)).toMatch(/^Estrutura inválida/);
  });

  it('refuses codes with a good CRC but a bad structure or missing fields', () => {
    const account = f('26', f('00', 'br.gov.bcb.pix') + f('01', KEYS.cpf));
    const rest = (over: Partial<Record<string, string | null>> = {}) => {
      const fields: Record<string, string | null> = { '52': '0000', '53': '986', '58': 'BR', '59': 'ANA', '60': 'RECIFE', '62': f('05', '***'), ...over };
      return Object.entries(fields)
        .filter((e): e is [string, string] => e[1] !== null)
        .map(([id, v]) => f(id, v))
        .join('');
    };
    expect(parsePixPayload(sign(f('00', '01') + account + rest())).ok).toBe(true);
    const refusals: [string, RegExp][] = [
      [account + f('00', '01') + rest(), /campo 00 = 01/],
      [f('00', '02') + account + rest(), /campo 00 = 01/],
      [f('00', '01') + rest(), /nenhum campo de conta/],
      [f('00', '01') + f('26', f('00', 'br.com.outro') + f('01', KEYS.cpf)) + rest(), /nenhum campo de conta/],
      [f('00', '01') + f('26', f('00', 'br.gov.bcb.pix')) + rest(), /Falta a chave PIX/],
      [f('00', '01') + f('26', f('00', 'br.gov.bcb.pix') + f('25', 'pix.example.com/qr/v2/abc')) + rest(), /dinâmico/],
      [f('00', '01') + f('26', '0014br.gov.bcb.pix0199') + rest(), /Código incompleto no campo 26/],
      [f('00', '01') + account + account.replace('26', '27') + rest({ '52': null }) + f('52', '0000') + f('52', '0000'), /aparece duas vezes/],
      [f('00', '01') + account + rest({ '53': '840' }), /moeda não é o real/],
      [f('00', '01') + account + rest({ '58': 'US' }), /país não é o Brasil/],
      [f('00', '01') + account + rest({ '52': null }), /campo 52/],
      [f('00', '01') + account + rest({ '59': null }), /Falta o nome/],
      [f('00', '01') + account + rest({ '59': 'A'.repeat(26) }), /Nome do recebedor longo demais/],
      [f('00', '01') + account + rest({ '60': null }), /Falta a cidade/],
      [f('00', '01') + account + rest({ '60': 'B'.repeat(16) }), /Cidade do recebedor longa demais/],
      [f('00', '01') + account + rest({ '62': null }), /campo 62/],
      [f('00', '01') + account + rest({ '62': f('01', 'X') }), /campo 62-05/],
      [f('00', '01') + account + rest({ '62': f('05', 'PAG-1') }), /Identificador da transação inválido/],
      [f('00', '01') + account + rest({ '54': '12,50' }), /Valor inválido/],
      [f('00', '01') + account + rest({ '54': '0.00' }), /maior que zero/],
      [f('00', '01') + f('01', '13') + account + rest(), /Método de iniciação/],
      ['X00201' + account + rest(), /Estrutura inválida: esperava um campo/],
    ];
    for (const [body, why] of refusals) expect(reason(sign(body)), body).toMatch(why);
  });

  it('reads optional fields other generators write (point of initiation, postal code, other templates)', () => {
    const body =
      f('00', '01') +
      f('01', '12') +
      f('26', f('00', 'BR.GOV.BCB.PIX') + f('01', KEYS.phone) + f('02', 'Consulta')) +
      f('27', f('00', 'br.com.outro') + f('01', 'x')) +
      f('52', '8011') +
      f('53', '986') +
      f('54', '10.5') +
      f('58', 'BR') +
      f('59', 'ANA') +
      f('60', 'RECIFE') +
      f('61', '50000000') +
      f('62', f('05', 'ABC123') + f('50', f('00', 'x')));
    expect(parsed(sign(body))).toMatchObject({
      key: KEYS.phone,
      keyType: 'phone',
      description: 'Consulta',
      merchantCategoryCode: '8011',
      amountCents: 1050,
      txid: 'ABC123',
    });
  });

  it("reports a key that today's DICT rules refuse as keyType null rather than refusing the code", () => {
    const body =
      f('00', '01') +
      f('26', f('00', 'br.gov.bcb.pix') + f('01', '+552133334444')) +
      f('52', '0000') +
      f('53', '986') +
      f('58', 'BR') +
      f('59', 'ANA') +
      f('60', 'RIO') +
      f('62', f('05', '***'));
    expect(parsed(sign(body))).toMatchObject({ key: '+552133334444', keyType: null });
  });
});
