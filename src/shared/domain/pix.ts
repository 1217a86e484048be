/**
 * PIX key parsing, validation and display formatting.
 *
 * Canonical forms follow what the Banco Central's DICT stores: CPF/CNPJ
 * without punctuation, phone in E.164 (`+55DDNNNNNNNNN`), e-mail lower-case,
 * random key (EVP) as a lower-case UUID.
 */
import { formatCnpj, formatCpf, normalizeCnpj, normalizeCpf } from './cpf-cnpj';

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

/** DICT limit for e-mail keys. */
export const PIX_EMAIL_MAX_LENGTH = 77;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Deliberately pragmatic rather than RFC 5322: it accepts what real
// providers issue and rejects the typos users actually make (missing TLD,
// spaces, double dots), without quoted local parts or IP literals.
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

// Visual separators people type in phone numbers; anything else is rejected.
const PHONE_SEPARATORS = /[\s().-]/g;

function parseEvp(input: string): string | null {
  const s = input.trim();
  return UUID.test(s) ? s.toLowerCase() : null;
}

function parseEmail(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (s.length === 0 || s.length > PIX_EMAIL_MAX_LENGTH) return null;
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.indexOf('@') !== at) return null;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64) return null;
  return EMAIL_LOCAL.test(local) && EMAIL_DOMAIN.test(domain) ? s : null;
}

/**
 * Parses a Brazilian phone number into `+55DDNNNNNNNN(N)`. Accepts the
 * national form with DDD, optionally preceded by `55` or `+55`.
 */
function parsePhone(input: string): string | null {
  const compact = input.trim().replace(PHONE_SEPARATORS, '');
  let national: string;
  if (compact.startsWith('+')) {
    // An explicit `+` means a country code follows; only Brazil is allowed.
    if (!/^\+55\d{10,11}$/.test(compact)) return null;
    national = compact.slice(3);
  } else if (/^55\d{10,11}$/.test(compact)) {
    // 12 or 13 digits can only be country code + DDD + number. Shorter input
    // starting with 55 falls through: it is a national number with DDD 55 (RS).
    national = compact.slice(2);
  } else if (/^\d{10,11}$/.test(compact)) {
    national = compact;
  } else {
    return null;
  }
  const ddd = Number(national.slice(0, 2));
  const subscriber = national.slice(2);
  if (ddd < 11 || ddd > 99) return null;
  // Mobile numbers gained a leading 9 in 2016; 9-digit numbers without it do not exist.
  if (subscriber.length === 9 && !subscriber.startsWith('9')) return null;
  // Anatel reserves 2–5 for 8-digit landlines; an 8-digit number starting
  // with 6–9 is an old-style mobile missing its leading 9, i.e. a typo.
  if (subscriber.length === 8 && !/^[2-5]/.test(subscriber)) return null;
  return `+55${national}`;
}

// Input typed with the CPF mask is a mistyped CPF, not a phone number that
// happens to have 11 digits; reading it as a phone would hide the typo.
const CPF_MASK = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;

function looksLikePhone(input: string): boolean {
  const s = input.trim();
  if (CPF_MASK.test(s)) return false;
  return s.startsWith('+') || /^[\d\s().-]+$/.test(s);
}

function parseAs(input: string, type: PixKeyType): string | null {
  switch (type) {
    case 'cpf':
      return normalizeCpf(input);
    case 'cnpj':
      return normalizeCnpj(input);
    case 'email':
      return parseEmail(input);
    case 'phone':
      return parsePhone(input);
    case 'evp':
      return parseEvp(input);
  }
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
    const key = parseEmail(s);
    return key === null ? null : { type: 'email', key };
  }
  const cpf = normalizeCpf(s);
  if (cpf !== null) return { type: 'cpf', key: cpf };
  const cnpj = normalizeCnpj(s);
  if (cnpj !== null) return { type: 'cnpj', key: cnpj };
  if (looksLikePhone(s)) {
    const key = parsePhone(s);
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

const INVALID_MESSAGES: Readonly<Record<PixKeyType, string>> = {
  cpf: 'CPF inválido: confira os números.',
  cnpj: 'CNPJ inválido: confira os 14 caracteres.',
  email: 'E-mail inválido: use o formato nome@exemplo.com.br.',
  phone: 'Celular inválido: use DDD + número, ex.: (11) 91234-5678.',
  evp: 'Chave aleatória inválida: deve ter o formato 123e4567-e89b-12d3-a456-426614174000.',
};

/**
 * Returns a user-facing error message in Brazilian Portuguese when `input`
 * is not a valid PIX key of `type`, or `null` when it is valid.
 */
export function pixKeyError(input: string, type: PixKeyType): string | null {
  if (input.trim().length === 0) return EMPTY_MESSAGES[type];
  if (parseAs(input, type) !== null) return null;
  if (type === 'email' && input.trim().length > PIX_EMAIL_MAX_LENGTH) {
    return `E-mail muito longo: use no máximo ${PIX_EMAIL_MAX_LENGTH} caracteres.`;
  }
  return INVALID_MESSAGES[type];
}

/**
 * Formats a PIX key for display: CPF/CNPJ punctuated, phone as
 * `+55 (11) 91234-5678`, e-mail and random key as canonical text. Keys that
 * do not parse as `type` are returned unchanged so display never throws.
 */
export function formatPixKey(type: PixKeyType, key: string): string {
  const canonical = parseAs(key, type);
  if (canonical === null) return key;
  switch (type) {
    case 'cpf':
      return formatCpf(canonical);
    case 'cnpj':
      return formatCnpj(canonical);
    case 'phone': {
      const ddd = canonical.slice(3, 5);
      const subscriber = canonical.slice(5);
      const split = subscriber.length - 4;
      return `+55 (${ddd}) ${subscriber.slice(0, split)}-${subscriber.slice(split)}`;
    }
    case 'email':
    case 'evp':
      return canonical;
  }
}
