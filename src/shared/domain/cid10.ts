/**
 * CID-10 (ICD-10, the Brazilian DATASUS edition) diagnosis codes.
 *
 * A code is a chapter letter, two digits and, for subcategories, a dot and one digit:
 * "J06", "J06.9", "U07.1". People type them in many ways ("j069", "J06,9", " J06.9 "), so
 * `normalizeCid10` folds those into the canonical form before the format is checked.
 * Only the format is validated here; the clinic's doctors choose the description.
 */

const CANONICAL = /^[A-Z]\d{2}(\.\d)?$/;

/** "j069" → "J06.9"; "J06,9" → "J06.9"; "j06" → "J06". Returns the input trimmed when it cannot fold it. */
export function normalizeCid10(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[\s,]/g, '.').replace(/\.+/g, '.');
  const m = /^([A-Z])(\d{2})\.?(\d)?$/.exec(compact);
  if (!m) return input.trim().toUpperCase();
  return m[3] ? `${m[1]}${m[2]}.${m[3]}` : `${m[1]}${m[2]}`;
}

/** True for a well-formed code, after normalization. */
export function isValidCid10(input: string): boolean {
  return CANONICAL.test(normalizeCid10(input));
}
