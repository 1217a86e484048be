import type { FeeChange } from '#shared/schemas/fees.ts';
import { formatBRL, formatBasisPoints, parseBRL, parsePercentToBasisPoints, splitFee } from '#shared/domain/money.ts';

const FIELD_LABELS: Record<FeeChange['field'], string> = {
  price_cents: 'Valor da consulta',
  clinic_bps: 'Comissão da clínica',
  review_below_seconds: 'Análise de consultas curtas',
};

function minutesText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return 'desligada';
  return `abaixo de ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}`;
}

function valueText(field: FeeChange['field'], value: number | null): string {
  // A doctor's null means "whatever the clinic charges".
  if (value === null) return 'valor da clínica';
  if (field === 'price_cents') return formatBRL(value);
  if (field === 'clinic_bps') return formatBasisPoints(value);
  return minutesText(value);
}

/** One change in words, in two parts so the screen can keep "from → to" on one line. */
export interface ChangeText {
  label: string;
  values: string;
}

export function changeText(change: Pick<FeeChange, 'field' | 'oldValue' | 'newValue'>): ChangeText {
  return { label: `${FIELD_LABELS[change.field]}:`, values: `${valueText(change.field, change.oldValue)} → ${valueText(change.field, change.newValue)}` };
}

/** One change in words: "Valor da consulta: R$ 150,00 → R$ 180,00". */
export function describeChange(change: Pick<FeeChange, 'field' | 'oldValue' | 'newValue'>): string {
  const { label, values } = changeText(change);
  return `${label} ${values}`;
}

/** One save by one person: the fields it changed, shown as one entry. */
export interface ChangeGroup {
  key: string;
  by: string;
  at: string;
  lines: (ChangeText & { key: string })[];
}

const FIELD_ORDER: FeeChange['field'][] = ['price_cents', 'clinic_bps', 'review_below_seconds'];

/** Groups the history (newest first) by save: same person, same instant. */
export function groupChanges(history: readonly FeeChange[]): ChangeGroup[] {
  const groups: { key: string; by: string; at: string; lines: (ChangeText & { key: string; field: FeeChange['field'] })[] }[] = [];
  for (const change of history) {
    const by = change.changedBy?.name || 'Sistema';
    const last = groups.at(-1);
    const line = { key: change.id, field: change.field, ...changeText(change) };
    if (last && last.at === change.changedAt && last.by === by) {
      last.lines.push(line);
    } else {
      groups.push({ key: change.id, by, at: change.changedAt, lines: [line] });
    }
  }
  // Within one save, the fields in the form's order (price, share, minimum).
  return groups.map((g) => ({
    ...g,
    lines: [...g.lines].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field)).map(({ field: _field, ...rest }) => rest),
  }));
}

/** "Numa consulta de R$ 150,00, a clínica fica com R$ 30,00 e o médico recebe R$ 120,00." */
export function splitSentence(priceCents: number, clinicBps: number): string {
  const { platformCents, doctorCents } = splitFee(priceCents, clinicBps);
  return `Numa consulta de ${formatBRL(priceCents)}, a clínica fica com ${formatBRL(platformCents)} e o médico recebe ${formatBRL(doctorCents)}.`;
}

/** A share as the form shows it, without the % sign: 2000 → "20", 1250 → "12,5". */
export function shareInputValue(bps: number): string {
  return formatBasisPoints(bps).replace(/\s*%$/, '');
}

/** The typed price and share when both read as valid values, for the live example. */
export function typedFees(price: string, share: string): { priceCents: number; clinicBps: number } | null {
  const priceCents = parseBRL(price);
  const clinicBps = parsePercentToBasisPoints(share);
  return priceCents === null || clinicBps === null ? null : { priceCents, clinicBps };
}
