/**
 * CRM (Conselho Regional de Medicina) registration numbers and Brazilian UFs.
 *
 * A CRM is only meaningful together with the UF of the regional council that
 * issued it, so validation always takes both.
 */

/** The 27 Brazilian federative units (26 states + Distrito Federal), alphabetical. */
export const UFS = [
  'AC',
  'AL',
  'AM',
  'AP',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MG',
  'MS',
  'MT',
  'PA',
  'PB',
  'PE',
  'PI',
  'PR',
  'RJ',
  'RN',
  'RO',
  'RR',
  'RS',
  'SC',
  'SE',
  'SP',
  'TO',
] as const;

/** A Brazilian UF code, e.g. `'SP'`. */
export type Uf = (typeof UFS)[number];

/** Full name of each UF, for select boxes and display. */
export const UF_NAMES: Readonly<Record<Uf, string>> = Object.freeze({
  AC: 'Acre',
  AL: 'Alagoas',
  AM: 'Amazonas',
  AP: 'Amapá',
  BA: 'Bahia',
  CE: 'Ceará',
  DF: 'Distrito Federal',
  ES: 'Espírito Santo',
  GO: 'Goiás',
  MA: 'Maranhão',
  MG: 'Minas Gerais',
  MS: 'Mato Grosso do Sul',
  MT: 'Mato Grosso',
  PA: 'Pará',
  PB: 'Paraíba',
  PE: 'Pernambuco',
  PI: 'Piauí',
  PR: 'Paraná',
  RJ: 'Rio de Janeiro',
  RN: 'Rio Grande do Norte',
  RO: 'Rondônia',
  RR: 'Roraima',
  RS: 'Rio Grande do Sul',
  SC: 'Santa Catarina',
  SE: 'Sergipe',
  SP: 'São Paulo',
  TO: 'Tocantins',
});

/** Longest CRM number accepted (councils issue up to 7 digits). */
export const CRM_MAX_DIGITS = 7;

const UF_SET: ReadonlySet<string> = new Set(UFS);

/** Returns the UF code (trimmed, upper-cased) when `s` is a Brazilian UF, otherwise `null`. */
export function normalizeUf(s: string): Uf | null {
  const uf = s.trim().toUpperCase();
  return UF_SET.has(uf) ? (uf as Uf) : null;
}

/** Whether `s` is a Brazilian UF code (case-insensitive, surrounding spaces ignored). */
export function isValidUf(s: string): boolean {
  return normalizeUf(s) !== null;
}

/**
 * Returns the CRM number as digits without leading zeros (1 to 7 digits),
 * or `null` if it is empty, has non-digits, is all zeros or is too long.
 * Dots and spaces are ignored because people copy numbers like `123.456`
 * from certificates.
 */
export function normalizeCrmNumber(s: string): string | null {
  const digits = s.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed.length === 0 || trimmed.length > CRM_MAX_DIGITS) return null;
  return trimmed;
}

/** Whether `number` is a well-formed CRM number and `uf` a valid UF. */
export function isValidCrm(number: string, uf: string): boolean {
  return normalizeCrmNumber(number) !== null && normalizeUf(uf) !== null;
}

/**
 * Returns a user-facing error in Brazilian Portuguese for an invalid CRM
 * number/UF pair, or `null` when both are valid. The number is checked first
 * because it is the field users most often get wrong.
 */
export function crmError(number: string, uf: string): string | null {
  const compact = number.replace(/[\s.]/g, '');
  if (compact.length === 0) return 'Informe o número do CRM.';
  if (!/^\d+$/.test(compact)) return 'Número do CRM inválido: use apenas números.';
  if (/^0+$/.test(compact)) return 'Número do CRM inválido: confira os números.';
  if (normalizeCrmNumber(compact) === null) {
    return `Número do CRM inválido: use no máximo ${CRM_MAX_DIGITS} dígitos.`;
  }
  if (uf.trim().length === 0) return 'Informe a UF do CRM.';
  if (normalizeUf(uf) === null) return 'UF inválida: use a sigla do estado, ex.: SP.';
  return null;
}

/**
 * Formats a CRM for display as `CRM/SP 123456`. Invalid input is shown
 * trimmed rather than throwing, since this runs on stored data.
 */
export function formatCrm(number: string, uf: string): string {
  const n = normalizeCrmNumber(number) ?? number.trim();
  const u = normalizeUf(uf) ?? uf.trim().toUpperCase();
  return `CRM/${u} ${n}`;
}
