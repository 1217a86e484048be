/**
 * Static BR Codes ("PIX copia e cola"), after the BCB's "Manual de Padrões para Iniciação do Pix"
 * (EMV QRCPS-MPM): TLV fields of a two-digit id, a two-digit length and the value, closed by a
 * CRC16-CCITT-FALSE.
 */
import { PIX_EMAIL_MAX_LENGTH, type PixKeyType, parsePixKey } from './pix';

/* ------------------------------------------------------------------------------------------------
 * BR Code ("PIX copia e cola"), static
 * --------------------------------------------------------------------------------------------- */

/** GUI of the PIX arrangement inside a merchant account template. */
export const PIX_GUI = 'br.gov.bcb.pix';

/** Longest receiver name (field 59) and city (field 60) a BR Code carries. */
export const PIX_NAME_MAX_LENGTH = 25;
export const PIX_CITY_MAX_LENGTH = 15;

/** Longest txid of a static BR Code (field 62-05). */
export const PIX_TXID_MAX_LENGTH = 25;

/** Longest value of one TLV field: its length has two digits. */
const TLV_MAX = 99;

/** EMV QR codes carry at most 512 characters. */
const PAYLOAD_MAX = 512;

const TXID = /^[A-Za-z0-9]{1,25}$/;

/** Largest amount field 54 can hold (13 characters: "9999999999.99"). */
export const PIX_MAX_AMOUNT_CENTS = 999_999_999_999;

/** What a static BR Code is built from. */
export interface PixPayloadInput {
  /** The receiver's PIX key, in canonical form (as `parsePixKey` returns it). */
  key: string;
  /** Receiver name; normalised to upper-case ASCII and cut to 25 characters. */
  name: string;
  /** Receiver city; normalised to upper-case ASCII and cut to 15 characters. */
  city: string;
  /** Amount in integer centavos; omitted for a code where the payer types the amount. */
  amountCents?: number | undefined;
  /** Transaction id, 1–25 of `A-Z a-z 0-9`; `***` (none) when absent. */
  txid?: string | undefined;
  /** Free text shown to the payer (field 26-02); ASCII, shortened to what fits. */
  description?: string | undefined;
}

/** A BR Code cannot be built from these inputs; `field` names the culprit. */
export class PixPayloadError extends Error {
  constructor(
    readonly field: 'key' | 'name' | 'city' | 'amountCents' | 'txid',
    message: string,
  ) {
    super(message);
    this.name = 'PixPayloadError';
  }
}

let crcTable: Uint16Array | undefined;

function table(): Uint16Array {
  if (crcTable) return crcTable;
  crcTable = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let bit = 0; bit < 8; bit++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    crcTable[i] = c;
  }
  return crcTable;
}

/**
 * CRC16-CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes of
 * `text`, as four upper-case hex digits: the checksum that closes a BR Code.
 */
export function crc16CcittFalse(text: string): string {
  const t = table();
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) crc = ((crc << 8) & 0xffff) ^ t[((crc >> 8) ^ byte) & 0xff]!;
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const lengthOf = (value: string) => [...value].length;

function tlv(id: string, value: string): string {
  const length = lengthOf(value);
  // Internal guard: every caller has already cut its value to fit.
  if (length > TLV_MAX) throw new RangeError(`BR Code field ${id} would have ${length} characters (at most ${TLV_MAX})`);
  return `${id}${String(length).padStart(2, '0')}${value}`;
}

// Letters Unicode does not decompose into a base letter and an accent.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = { Æ: 'AE', Œ: 'OE', Ø: 'O', Ð: 'D', Đ: 'D', Ł: 'L', Þ: 'TH' };

/**
 * Receiver name or city as a BR Code carries them: upper-case ASCII letters, digits, spaces and
 * `. - '`, without accents (São → SAO), emoji or other symbols removed, spaces collapsed, cut to
 * `max` characters and trimmed.
 */
export function normalizePixText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase() // after removing accents, so ß becomes SS
    .replace(/[ÆŒØÐĐŁÞ]/g, (c) => SPECIAL_LETTERS[c] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[^A-Z0-9 .'-]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** The description as field 26-02 carries it: printable ASCII, accents removed, case kept. */
function normalizeDescription(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Integer centavos as field 54 writes them: "123.45". */
function formatAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Builds a static BR Code ("PIX copia e cola") for paying `key`, following the BCB's manual:
 * payload format 01; merchant account 26 (GUI `br.gov.bcb.pix`, key, optional description);
 * MCC 0000; currency 986; amount when given; country BR; receiver name and city; additional data
 * 62 with the txid (`***` when none); CRC16-CCITT-FALSE.
 *
 * The name and city are normalised (see {@link normalizePixText}); the description is shortened,
 * or left out, so the merchant account template keeps within its 99 characters.
 *
 * @throws PixPayloadError when the key is not a canonical PIX key, the name or city has nothing
 *   left after normalising, the amount is not a positive whole number of centavos (at most
 *   R$ 9.999.999.999,99), or the txid is not 1–25 of `A-Z a-z 0-9`.
 */
export function buildPixPayload(input: PixPayloadInput): string {
  const parsedKey = parsePixKey(input.key);
  if (!parsedKey || parsedKey.key !== input.key) {
    throw new PixPayloadError('key', 'The PIX key must be a valid key in canonical form (as parsePixKey returns it)');
  }
  const name = normalizePixText(input.name, PIX_NAME_MAX_LENGTH);
  if (!name) throw new PixPayloadError('name', 'The receiver name has no letters or digits left after normalising');
  const city = normalizePixText(input.city, PIX_CITY_MAX_LENGTH);
  if (!city) throw new PixPayloadError('city', 'The receiver city has no letters or digits left after normalising');
  const { amountCents, txid } = input;
  if (amountCents !== undefined && (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > PIX_MAX_AMOUNT_CENTS)) {
    throw new PixPayloadError('amountCents', `The amount must be a whole number of centavos between 1 and ${PIX_MAX_AMOUNT_CENTS}`);
  }
  if (txid !== undefined && !TXID.test(txid)) {
    throw new PixPayloadError('txid', 'The txid must have 1 to 25 characters, only letters A-Z, a-z and digits 0-9');
  }

  let account = tlv('00', PIX_GUI) + tlv('01', input.key);
  const description = normalizeDescription(input.description ?? '');
  // The 4 characters of the description's own id and length count against the template's 99.
  const room = TLV_MAX - account.length - 4;
  const shortened = description.slice(0, Math.max(0, room)).trim();
  if (shortened) account += tlv('02', shortened);

  const body =
    tlv('00', '01') +
    tlv('26', account) +
    tlv('52', '0000') +
    tlv('53', '986') +
    (amountCents === undefined ? '' : tlv('54', formatAmount(amountCents))) +
    tlv('58', 'BR') +
    tlv('59', name) +
    tlv('60', city) +
    tlv('62', tlv('05', txid ?? '***')) +
    '6304';
  return body + crc16CcittFalse(body);
}

/** What a valid static BR Code says. */
export interface ParsedPixPayload {
  /** The receiver's key as written in field 26-01. */
  key: string;
  /** Its type when it is a valid canonical key under today's DICT rules, otherwise `null`. */
  keyType: PixKeyType | null;
  description: string | null;
  merchantCategoryCode: string;
  /** Amount in integer centavos; `null` when the payer types it. */
  amountCents: number | null;
  name: string;
  city: string;
  /** `null` when the code carries `***` (no txid). */
  txid: string | null;
  /** The four hex digits of field 63, upper-case. */
  crc: string;
}

/** The fields of a valid BR Code, or the reason (plain Portuguese) it is refused. */
export type PixPayloadParseResult = { ok: true; payload: ParsedPixPayload } | { ok: false; reason: string };

type Fields = { ok: true; fields: Map<string, string> } | { ok: false; reason: string };

/** Splits `text` into TLV fields; lengths count characters. */
function readFields(text: string, where: string): Fields {
  const chars = [...text];
  const fields = new Map<string, string>();
  let i = 0;
  while (i < chars.length) {
    const head = chars.slice(i, i + 4).join('');
    if (!/^\d{4}$/.test(head))
      return { ok: false, reason: `Estrutura inválida${where}: esperava um campo (2 dígitos de id e 2 de tamanho) na posição ${i + 1}.` };
    const id = head.slice(0, 2);
    const length = Number(head.slice(2));
    if (i + 4 + length > chars.length) {
      return { ok: false, reason: `Código incompleto${where}: o campo ${id} declara ${length} caracteres, mas o texto termina antes.` };
    }
    if (fields.has(id)) return { ok: false, reason: `Estrutura inválida${where}: o campo ${id} aparece duas vezes.` };
    fields.set(id, chars.slice(i + 4, i + 4 + length).join(''));
    i += 4 + length;
  }
  return { ok: true, fields };
}

const invalid = (reason: string): PixPayloadParseResult => ({ ok: false, reason });

/**
 * Checks a static BR Code ("PIX copia e cola") and returns what it says: the TLV structure (every
 * length within the text, no repeated field, payload format first and CRC last), the CRC16, and
 * the fields a PIX payment needs (a merchant account with GUI `br.gov.bcb.pix` and a key, MCC,
 * currency 986, country BR, receiver name and city, amount when present, txid). Dynamic codes (a
 * URL instead of a key) are refused: this app only makes static ones.
 */
export function parsePixPayload(payload: string): PixPayloadParseResult {
  if (typeof payload !== 'string' || payload.length === 0) return invalid('Código vazio.');
  if (lengthOf(payload) > PAYLOAD_MAX) return invalid(`Código longo demais: um BR Code tem no máximo ${PAYLOAD_MAX} caracteres.`);
  const top = readFields(payload, '');
  if (!top.ok) return top;
  const fields = top.fields;
  const ids = [...fields.keys()];
  if (ids[0] !== '00' || fields.get('00') !== '01') return invalid('O código não começa pelo formato do payload (campo 00 = 01).');
  const crcField = fields.get('63');
  if (ids[ids.length - 1] !== '63' || crcField === undefined || !/^[0-9A-Fa-f]{4}$/.test(crcField)) {
    return invalid('O código não termina com o CRC (campo 63 com 4 dígitos hexadecimais).');
  }
  const expected = crc16CcittFalse(payload.slice(0, payload.length - 4));
  if (crcField.toUpperCase() !== expected) {
    return invalid(`CRC não confere (calculado ${expected}, no código ${crcField}): o código foi alterado ou copiado pela metade.`);
  }

  const poi = fields.get('01');
  if (poi !== undefined && poi !== '11' && poi !== '12') return invalid('Método de iniciação inválido (campo 01 deve ser 11 ou 12).');

  // The PIX arrangement may sit in any merchant account template, 26 to 51.
  let account: Map<string, string> | undefined;
  for (const [id, value] of fields) {
    if (Number(id) < 26 || Number(id) > 51) continue;
    const inner = readFields(value, ` no campo ${id}`);
    if (!inner.ok) return inner;
    if (inner.fields.get('00')?.toLowerCase() === PIX_GUI) {
      account = inner.fields;
      break;
    }
  }
  if (!account) return invalid(`Não é um código PIX: nenhum campo de conta (26 a 51) tem o identificador ${PIX_GUI}.`);
  const key = account.get('01');
  if (key === undefined || key.length === 0) {
    return invalid(account.has('25') ? 'Código PIX dinâmico (com URL): só o código estático, com chave, é aceito.' : 'Falta a chave PIX (campo 26-01).');
  }
  if (lengthOf(key) > PIX_EMAIL_MAX_LENGTH) return invalid('Chave PIX longa demais (campo 26-01).');

  const mcc = fields.get('52');
  if (mcc === undefined || !/^\d{4}$/.test(mcc)) return invalid('Falta a categoria do recebedor (campo 52, 4 dígitos).');
  if (fields.get('53') !== '986') return invalid('A moeda não é o real (campo 53 deve ser 986).');
  let amountCents: number | null = null;
  const amount = fields.get('54');
  if (amount !== undefined) {
    const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(amount);
    if (!m) return invalid('Valor inválido (campo 54): use números com ponto decimal, ex.: 123.45.');
    amountCents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
    if (amountCents <= 0) return invalid('Valor inválido (campo 54): deve ser maior que zero.');
  }
  if (fields.get('58') !== 'BR') return invalid('O país não é o Brasil (campo 58 deve ser BR).');
  const name = fields.get('59');
  if (!name) return invalid('Falta o nome do recebedor (campo 59).');
  if (lengthOf(name) > PIX_NAME_MAX_LENGTH) return invalid(`Nome do recebedor longo demais (campo 59, até ${PIX_NAME_MAX_LENGTH} caracteres).`);
  const city = fields.get('60');
  if (!city) return invalid('Falta a cidade do recebedor (campo 60).');
  if (lengthOf(city) > PIX_CITY_MAX_LENGTH) return invalid(`Cidade do recebedor longa demais (campo 60, até ${PIX_CITY_MAX_LENGTH} caracteres).`);
  const additional = fields.get('62');
  if (additional === undefined) return invalid('Faltam os dados adicionais (campo 62 com o txid).');
  const extra = readFields(additional, ' no campo 62');
  if (!extra.ok) return extra;
  const txid = extra.fields.get('05');
  if (txid === undefined) return invalid('Falta o identificador da transação (campo 62-05).');
  if (txid !== '***' && !TXID.test(txid)) return invalid('Identificador da transação inválido (campo 62-05): 1 a 25 letras ou números, ou ***.');

  const detected = parsePixKey(key);
  return {
    ok: true,
    payload: {
      key,
      keyType: detected && detected.key === key ? detected.type : null,
      description: account.get('02') || null,
      merchantCategoryCode: mcc,
      amountCents,
      name,
      city,
      txid: txid === '***' ? null : txid,
      crc: crcField.toUpperCase(),
    },
  };
}
