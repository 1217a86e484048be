import { lazyIntl } from './lazy-intl';

/**
 * Money helpers. Amounts are always integer centavos so sums and splits are
 * exact; conversion to reais happens only for display.
 */

// Built once: constructing Intl formatters is comparatively expensive.
const BRL = lazyIntl(() => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }));

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${String(value)}`);
  }
}

/**
 * Formats centavos as Brazilian reais, e.g. `123456` → `R$ 1.234,56` (the
 * space after `R$` is a non-breaking space, as produced by `Intl`).
 * Throws `RangeError` if `cents` is not a safe integer.
 */
export function formatBRL(cents: number): string {
  assertSafeInteger(cents, 'cents');
  // `-0` would otherwise render as "-R$ 0,00".
  return BRL.format(cents === 0 ? 0 : cents / 100);
}

// Thousands groups must be well-formed so "1.23" (a likely decimal-point
// typo) is rejected instead of being read as 123 reais.
const BRL_AMOUNT = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * Parses a Brazilian-formatted amount into centavos: `1.234,56`,
 * `R$ 1.234,56`, `1234,5`, `1234`. Returns `null` for garbage, negative
 * amounts, more than two decimal places or values beyond safe integers.
 */
export function parseBRL(input: string): number | null {
  const s = input.trim().replace(/^R\$/i, '').replace(/\s+/g, '');
  const match = BRL_AMOUNT.exec(s);
  if (!match) return null;
  const reais = (match[1] ?? '').replace(/\./g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  // Concatenating digits avoids float rounding (e.g. 1.15 * 100 = 114.999…).
  const value = Number(reais + cents);
  return Number.isSafeInteger(value) ? value : null;
}

/** Result of {@link splitFee}: the two shares always add up to the price. */
export interface FeeSplit {
  platformCents: number;
  doctorCents: number;
}

/**
 * Splits a price between platform and doctor. The platform share is
 * `price × bp / 10000` rounded half-up to the centavo; the doctor gets the
 * rest, so no centavo is ever lost or created. Throws `RangeError` unless
 * `priceCents` is a non-negative safe integer and `platformBasisPoints` an
 * integer in 0..10000.
 */
export function splitFee(priceCents: number, platformBasisPoints: number): FeeSplit {
  assertSafeInteger(priceCents, 'priceCents');
  if (priceCents < 0) throw new RangeError('priceCents must not be negative');
  if (!Number.isInteger(platformBasisPoints) || platformBasisPoints < 0 || platformBasisPoints > 10_000) {
    throw new RangeError('platformBasisPoints must be an integer between 0 and 10000');
  }
  // BigInt keeps price × bp exact even when it exceeds 2^53.
  const platform = (BigInt(priceCents) * BigInt(platformBasisPoints) + 5_000n) / 10_000n;
  const platformCents = Number(platform);
  return { platformCents, doctorCents: priceCents - platformCents };
}

const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/**
 * Parses a percentage with at most two decimals (`20`, `12,5`, `33.33`, `12,5 %`) into basis
 * points (20 % = 2000). Returns `null` for garbage, three decimals or more than 100 %.
 */
export function parsePercentToBasisPoints(input: string): number | null {
  const match = PERCENT.exec(input.trim().replace(/\s*%$/, ''));
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}

/** Basis points as a pt-BR percentage: 2000 → "20 %", 1250 → "12,5 %", 3333 → "33,33 %". */
export function formatBasisPoints(bps: number): string {
  return `${new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 }).format(bps / 100)} %`;
}
