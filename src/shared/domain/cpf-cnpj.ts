/**
 * CPF and CNPJ validation, normalisation and formatting.
 *
 * CNPJ supports both the classic numeric form and the alphanumeric form the
 * Receita Federal issues from July 2026 (first 12 positions `0-9A-Z`, last 2
 * numeric check digits).
 */

/** Number of digits in a CPF. */
export const CPF_LENGTH = 11;

/** Number of characters in a CNPJ (numeric or alphanumeric). */
export const CNPJ_LENGTH = 14;

// Only the official punctuation is stripped; anything else (spaces inside,
// letters in a CPF, other symbols) makes the input invalid rather than being
// silently ignored, so typos are not "fixed" into a different document.
const CPF_PUNCTUATION = /[.-]/g;
const CNPJ_PUNCTUATION = /[./-]/g;
const CPF_SHAPE = /^\d{11}$/;
const CNPJ_SHAPE = /^[0-9A-Z]{12}\d{2}$/;

/**
 * Strips CPF punctuation (`.` and `-`) and surrounding whitespace.
 * Does not validate; use {@link normalizeCpf} for that.
 */
export function stripCpfPunctuation(s: string): string {
  return s.trim().replace(CPF_PUNCTUATION, '');
}

/**
 * Strips CNPJ punctuation (`.`, `/`, `-`) and surrounding whitespace and
 * upper-cases letters. Does not validate; use {@link normalizeCnpj} for that.
 */
export function stripCnpjPunctuation(s: string): string {
  return s.trim().replace(CNPJ_PUNCTUATION, '').toUpperCase();
}

function isAllSameChar(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c === s[0]);
}

/** Mod-11 check digit as used by both CPF and CNPJ: remainder < 2 gives 0. */
function mod11CheckDigit(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += (values[i] ?? 0) * (weights[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Computes the two CPF check digits for a 9-digit base. */
export function cpfCheckDigits(base9: string): string {
  if (!/^\d{9}$/.test(base9)) throw new RangeError('CPF base must be exactly 9 digits');
  const values = [...base9].map(Number);
  const d1 = mod11CheckDigit(values, CPF_WEIGHTS_1);
  const d2 = mod11CheckDigit([...values, d1], CPF_WEIGHTS_2);
  return `${d1}${d2}`;
}

/**
 * Computes the two CNPJ check digits for a 12-character base (`0-9A-Z`,
 * case-insensitive). Each character is worth its ASCII code minus 48, which
 * is what makes the alphanumeric CNPJ backward compatible with numeric ones.
 */
export function cnpjCheckDigits(base12: string): string {
  const upper = base12.toUpperCase();
  if (!/^[0-9A-Z]{12}$/.test(upper)) {
    throw new RangeError('CNPJ base must be exactly 12 characters in 0-9/A-Z');
  }
  const values = [...upper].map((c) => c.charCodeAt(0) - 48);
  const d1 = mod11CheckDigit(values, CNPJ_WEIGHTS_1);
  const d2 = mod11CheckDigit([...values, d1], CNPJ_WEIGHTS_2);
  return `${d1}${d2}`;
}

/**
 * Returns the CPF as 11 digits when it is valid (with or without
 * punctuation), otherwise `null`.
 */
export function normalizeCpf(s: string): string | null {
  const digits = stripCpfPunctuation(s);
  if (!CPF_SHAPE.test(digits)) return null;
  // Repeated digits pass the mod-11 check but are never issued.
  if (isAllSameChar(digits)) return null;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9) ? digits : null;
}

/** Whether `s` is a valid CPF, with or without punctuation. */
export function isValidCpf(s: string): boolean {
  return normalizeCpf(s) !== null;
}

/**
 * Returns the CNPJ as 14 upper-case characters without punctuation when it
 * is valid (numeric or alphanumeric), otherwise `null`.
 */
export function normalizeCnpj(s: string): string | null {
  const chars = stripCnpjPunctuation(s);
  if (!CNPJ_SHAPE.test(chars)) return null;
  // Repeated characters (00000000000000 etc.) pass the mod-11 check but are never issued.
  if (isAllSameChar(chars)) return null;
  return cnpjCheckDigits(chars.slice(0, 12)) === chars.slice(12) ? chars : null;
}

/** Whether `s` is a valid CNPJ (numeric or alphanumeric, any case, with or without punctuation). */
export function isValidCnpj(s: string): boolean {
  return normalizeCnpj(s) !== null;
}

/**
 * Formats a CPF as `123.456.789-09`. Accepts digits with or without
 * punctuation; input that does not have 11 digits is returned unchanged so
 * display code never throws on bad legacy data. Check digits are not verified.
 */
export function formatCpf(digits: string): string {
  const d = stripCpfPunctuation(digits);
  if (!CPF_SHAPE.test(d)) return digits;
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/**
 * Formats a CNPJ as `12.ABC.345/01DE-35` (letters upper-cased). Input that
 * does not have the CNPJ shape is returned unchanged so display code never
 * throws on bad legacy data. Check digits are not verified.
 */
export function formatCnpj(s: string): string {
  const c = stripCnpjPunctuation(s);
  if (!CNPJ_SHAPE.test(c)) return s;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/**
 * Why `s` is not a valid CPF, in plain Brazilian Portuguese, or `null` when it is valid. Empty
 * input is the caller's business (each form asks for the value its own way).
 */
export function cpfError(s: string): string | null {
  const digits = stripCpfPunctuation(s);
  if (!/^\d*$/.test(digits)) return 'CPF tem só números: confira o que foi digitado.';
  if (digits.length !== CPF_LENGTH) return `CPF tem 11 dígitos, e foram digitados ${digits.length}.`;
  return normalizeCpf(digits) === null ? 'CPF inválido: confira os números.' : null;
}

/**
 * Why `s` is not a valid CNPJ (numeric or alphanumeric), in plain Brazilian Portuguese, or `null`
 * when it is valid. Empty input is the caller's business.
 */
export function cnpjError(s: string): string | null {
  const chars = stripCnpjPunctuation(s);
  if (!/^[0-9A-Z]*$/.test(chars)) return 'CNPJ tem só letras sem acento e números: confira o que foi digitado.';
  if (chars.length !== CNPJ_LENGTH) return `CNPJ tem 14 caracteres, e foram digitados ${chars.length}.`;
  if (!/\d{2}$/.test(chars)) return 'CNPJ inválido: os dois últimos caracteres (dígitos verificadores) são sempre números.';
  return normalizeCnpj(chars) === null ? 'CNPJ inválido: confira os 14 caracteres.' : null;
}
