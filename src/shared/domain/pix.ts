/**
 * PIX keys (parsing, validation, display). Static BR Codes ("PIX copia e cola") are in
 * ./pix-br-code, apart, so a page that only checks a key doesn't carry the code builder.
 *
 * Keys follow the rules of the Banco Central's DICT and are kept in the form it stores: CPF/CNPJ
 * without punctuation (CNPJ upper-case, alphanumeric ones included), a Brazilian mobile phone in
 * E.164 (`+55DD9NNNNNNNN`), e-mail lower-case (at most 77 characters), random key (EVP) as a
 * lower-case UUID.
 */
import { cnpjError, cpfError, formatCnpj, formatCpf, normalizeCnpj, normalizeCpf } from './cpf-cnpj';

/** The five kinds of PIX key. `evp` is the random key ("chave aleatória"). */
export type PixKeyType = 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp';

/** All PIX key types, in the order they are usually offered to users. */
export const PIX_KEY_TYPES = Object.freeze(['cpf', 'cnpj', 'email', 'phone', 'evp'] as const) satisfies readonly PixKeyType[];

/** User-facing names of each PIX key type, in Brazilian Portuguese. */
export const PIX_KEY_TYPE_LABELS: Readonly<Record<PixKeyType, string>> = Object.freeze({
  cpf: 'CPF',
  cnpj: 'CNPJ',
  email: 'E-mail',
  phone: 'Celular',
  evp: 'Chave aleatória',
});

/** A PIX key in canonical form together with its type. */
export interface PixKey {
  type: PixKeyType;
  key: string;
}

/** DICT limit for e-mail keys: the whole address, with no separate limit on the part before `@`. */
export const PIX_EMAIL_MAX_LENGTH = 77;

/**
 * Brazilian area codes (DDD) in use, per Anatel's national numbering plan. A number with any other
 * DDD cannot be a phone key. One line per region (Prettier leaves the table as it is).
 */
// prettier-ignore
export const BR_DDDS: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, // SP
  21, 22, 24, 27, 28, // RJ, ES
  31, 32, 33, 34, 35, 37, 38, // MG
  41, 42, 43, 44, 45, 46, 47, 48, 49, // PR, SC
  51, 53, 54, 55, // RS
  61, 62, 63, 64, 65, 66, 67, 68, 69, // DF, GO, TO, MT, MS, AC, RO
  71, 73, 74, 75, 77, 79, // BA, SE
  81, 82, 83, 84, 85, 86, 87, 88, 89, // PE, AL, PB, RN, CE, PI
  91, 92, 93, 94, 95, 96, 97, 98, 99, // PA, AM, RR, AP, MA
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The DICT charset for e-mail keys: in the part before `@`, letters, digits and `. _ - +` only
// (`%` and the other RFC 5322 symbols are refused). No quoted local parts or IP literals.
const EMAIL_LOCAL_CHAR = /[a-z0-9._+-]/;
const EMAIL_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Visual separators people type in phone numbers; anything else is rejected.
const PHONE_SEPARATORS = /[\s().-]/g;

/** The canonical key, or the plain-Portuguese reason it is refused. */
type KeyCheck = { ok: true; key: string } | { ok: false; message: string };

const ok = (key: string): KeyCheck => ({ ok: true, key });
const refuse = (message: string): KeyCheck => ({ ok: false, message });

const EVP_INVALID = 'Chave aleatória inválida: deve ter o formato 123e4567-e89b-12d3-a456-426614174000.';
const EMAIL_INVALID = 'E-mail inválido: use o formato nome@exemplo.com.br.';
const PHONE_INVALID = 'Celular inválido: use DDD + número, ex.: (11) 91234-5678.';

function checkEvp(input: string): KeyCheck {
  const s = input.trim();
  return UUID.test(s) ? ok(s.toLowerCase()) : refuse(EVP_INVALID);
}

function checkEmail(input: string): KeyCheck {
  const s = input.trim().toLowerCase();
  if (s.length > PIX_EMAIL_MAX_LENGTH) return refuse(`E-mail muito longo: use no máximo ${PIX_EMAIL_MAX_LENGTH} caracteres.`);
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.indexOf('@') !== at) return refuse(EMAIL_INVALID);
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  const bad = [...local].find((c) => !EMAIL_LOCAL_CHAR.test(c));
  if (bad !== undefined) {
    const shown = /\s/.test(bad) ? 'espaço' : `"${bad}"`;
    return refuse(`E-mail com ${shown}: a chave PIX só aceita letras sem acento, números e . _ - + antes do @.`);
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return refuse(EMAIL_INVALID);
  return EMAIL_DOMAIN.test(domain) ? ok(s) : refuse(EMAIL_INVALID);
}

/**
 * A Brazilian mobile number as `+55DD9NNNNNNNN`. Accepts the national form with DDD, optionally
 * preceded by `55` or `+55`, with the usual separators. Landlines are refused: the DICT only takes
 * mobile numbers as phone keys.
 */
function checkPhone(input: string): KeyCheck {
  const compact = input.trim().replace(PHONE_SEPARATORS, '');
  let national: string;
  if (compact.startsWith('+')) {
    if (!/^\+\d+$/.test(compact)) return refuse(PHONE_INVALID);
    // An explicit `+` means a country code follows; only Brazil is allowed.
    if (!compact.startsWith('+55')) return refuse('A chave PIX por celular precisa ser um número do Brasil (+55).');
    national = compact.slice(3);
  } else if (/^55\d{10,11}$/.test(compact)) {
    // 12 or 13 digits can only be country code + DDD + number. Shorter input starting with 55
    // falls through: it is a national number with DDD 55 (RS).
    national = compact.slice(2);
  } else {
    national = compact;
  }
  if (!/^\d+$/.test(national)) return refuse(PHONE_INVALID);
  // 9 digits starting with 9 (or 8 digits) is a number typed without its area code.
  if (/^(?:9\d{8}|\d{8})$/.test(national)) return refuse('Falta o DDD: use DDD + número, ex.: (11) 91234-5678.');
  if (national.length !== 10 && national.length !== 11) return refuse(PHONE_INVALID);
  const ddd = Number(national.slice(0, 2));
  const subscriber = national.slice(2);
  if (!BR_DDDS.has(ddd)) return refuse(`O DDD ${national.slice(0, 2)} não existe: confira o código de área.`);
  if (subscriber.length === 8) {
    // Anatel reserves 2–5 for landlines; 6–9 is an old-style mobile missing its leading 9.
    if (/^[2-5]/.test(subscriber)) {
      return refuse('Esse número é de telefone fixo. A chave PIX por telefone é sempre um celular: 9 dígitos começando com 9.');
    }
    if (/^[6-9]/.test(subscriber)) return refuse('Falta o 9 na frente: o celular tem 9 dígitos depois do DDD, ex.: (11) 91234-5678.');
    return refuse(PHONE_INVALID);
  }
  if (!subscriber.startsWith('9')) return refuse('Celular inválido: depois do DDD vêm 9 dígitos começando com 9.');
  return ok(`+55${national}`);
}

function checkCpf(input: string): KeyCheck {
  const key = normalizeCpf(input);
  return key === null ? refuse(cpfError(input) ?? 'CPF inválido: confira os números.') : ok(key);
}

function checkCnpj(input: string): KeyCheck {
  const key = normalizeCnpj(input);
  return key === null ? refuse(cnpjError(input) ?? 'CNPJ inválido: confira os 14 caracteres.') : ok(key);
}

function checkAs(input: string, type: PixKeyType): KeyCheck {
  switch (type) {
    case 'cpf':
      return checkCpf(input);
    case 'cnpj':
      return checkCnpj(input);
    case 'email':
      return checkEmail(input);
    case 'phone':
      return checkPhone(input);
    case 'evp':
      return checkEvp(input);
  }
}

function parseAs(input: string, type: PixKeyType): string | null {
  const checked = checkAs(input, type);
  return checked.ok ? checked.key : null;
}

// Input typed with the CPF mask is a mistyped CPF, not a phone number that
// happens to have 11 digits; reading it as a phone would hide the typo.
const CPF_MASK = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;

function looksLikePhone(input: string): boolean {
  const s = input.trim();
  if (CPF_MASK.test(s)) return false;
  return s.startsWith('+') || /^[\d\s().-]+$/.test(s);
}

/**
 * Parses a PIX key into canonical form, or returns `null` if invalid.
 *
 * With `type`, the input is validated strictly as that type only. Without
 * it, the type is detected in this order: UUID → `evp`, contains `@` →
 * `email`, valid CPF → `cpf`, valid CNPJ → `cnpj`, phone-looking → `phone`.
 * An 11-digit string that is both a valid CPF and a valid mobile number is
 * treated as a CPF; pass `type: 'phone'` to force the phone reading. Input
 * written with the CPF mask (`000.000.000-00`) that fails the CPF check is
 * rejected rather than read as a phone.
 */
export function parsePixKey(input: string, type?: PixKeyType): PixKey | null {
  if (type !== undefined) {
    const key = parseAs(input, type);
    return key === null ? null : { type, key };
  }
  const s = input.trim();
  if (s.length === 0) return null;
  if (UUID.test(s)) return { type: 'evp', key: s.toLowerCase() };
  if (s.includes('@')) {
    const key = parseAs(s, 'email');
    return key === null ? null : { type: 'email', key };
  }
  const cpf = normalizeCpf(s);
  if (cpf !== null) return { type: 'cpf', key: cpf };
  const cnpj = normalizeCnpj(s);
  if (cnpj !== null) return { type: 'cnpj', key: cnpj };
  if (looksLikePhone(s)) {
    const key = parseAs(s, 'phone');
    return key === null ? null : { type: 'phone', key };
  }
  return null;
}

const EMPTY_MESSAGES: Readonly<Record<PixKeyType, string>> = {
  cpf: 'Informe o CPF.',
  cnpj: 'Informe o CNPJ.',
  email: 'Informe o e-mail.',
  phone: 'Informe o celular.',
  evp: 'Informe a chave aleatória.',
};

/**
 * Returns a user-facing error message in Brazilian Portuguese when `input`
 * is not a valid PIX key of `type`, or `null` when it is valid. The message
 * says what is wrong (a landline, a `%` in an e-mail, a missing DDD, a CNPJ
 * with letters in its check digits…), not just that something is.
 */
export function pixKeyError(input: string, type: PixKeyType): string | null {
  if (input.trim().length === 0) return EMPTY_MESSAGES[type];
  const checked = checkAs(input, type);
  return checked.ok ? null : checked.message;
}

/**
 * Formats a PIX key for display: CPF/CNPJ punctuated, phone as
 * `+55 (11) 91234-5678`, e-mail and random key as canonical text. Keys that
 * do not parse as `type` are returned unchanged so display never throws
 * (a phone stored before landlines were refused is still shown punctuated).
 */
export function formatPixKey(type: PixKeyType, key: string): string {
  if (type === 'phone') {
    const stored = /^\+55(\d{2})(\d{8,9})$/.exec(key.trim());
    const canonical = parseAs(key, type);
    const [ddd, subscriber] = canonical ? [canonical.slice(3, 5), canonical.slice(5)] : stored ? [stored[1]!, stored[2]!] : [null, null];
    if (!ddd || !subscriber) return key;
    const split = subscriber.length - 4;
    return `+55 (${ddd}) ${subscriber.slice(0, split)}-${subscriber.slice(split)}`;
  }
  const canonical = parseAs(key, type);
  if (canonical === null) return key;
  switch (type) {
    case 'cpf':
      return formatCpf(canonical);
    case 'cnpj':
      return formatCnpj(canonical);
    case 'email':
    case 'evp':
      return canonical;
  }
}

/**
 * End-to-end id of a PIX transfer (the "E2E" on the receipt): "E", the payer's ISPB (8 digits),
 * yyyyMMddHHmm, then 11 letters or digits. Here so screens can check it without loading schemas.
 */
export const PIX_E2E_ID_PATTERN = /^E\d{8}\d{12}[A-Za-z0-9]{11}$/;
