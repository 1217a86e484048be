import { describe, expect, it } from 'vitest';
import type { FeeChange } from '#shared/schemas/fees.ts';
import { describeChange, groupChanges, shareInputValue, splitSentence, typedFees } from './fee-text';

const NBSP = '\u00a0';
const plain = (s: string) => s.replaceAll(NBSP, ' ');

function change(over: Partial<FeeChange>): FeeChange {
  return {
    id: 'c1',
    doctorId: null,
    field: 'price_cents',
    oldValue: 15000,
    newValue: 18000,
    changedBy: { id: 'a', name: 'Ana' },
    changedAt: '2026-11-30T12:00:00.000Z',
    ...over,
  };
}

describe('fee text', () => {
  it('describes each kind of change in words', () => {
    expect(plain(describeChange(change({})))).toBe('Valor da consulta: R$ 150,00 → R$ 180,00');
    expect(describeChange(change({ field: 'clinic_bps', oldValue: 2000, newValue: 1250 }))).toBe('Comissão da clínica: 20 % → 12,5 %');
    expect(describeChange(change({ field: 'review_below_seconds', oldValue: 120, newValue: 60 }))).toBe(
      'Análise de consultas curtas: abaixo de 2 minutos → abaixo de 1 minuto',
    );
    expect(describeChange(change({ field: 'review_below_seconds', oldValue: 120, newValue: 0 }))).toBe(
      'Análise de consultas curtas: abaixo de 2 minutos → desligada',
    );
    expect(plain(describeChange(change({ oldValue: null, newValue: 20000 })))).toBe('Valor da consulta: valor da clínica → R$ 200,00');
  });

  it('groups the fields saved together by one person', () => {
    const groups = groupChanges([
      change({ id: '2', field: 'clinic_bps', oldValue: 2000, newValue: 1250 }),
      change({ id: '1' }),
      change({ id: '0', changedAt: '2026-11-29T12:00:00.000Z', changedBy: null }),
    ]);
    expect(groups.map((g) => [g.by, g.lines.map((l) => l.label)])).toEqual([
      ['Ana', ['Valor da consulta:', 'Comissão da clínica:']],
      ['Sistema', ['Valor da consulta:']],
    ]);
  });

  it('computes the live example with splitFee', () => {
    expect(plain(splitSentence(15000, 2000))).toBe('Numa consulta de R$ 150,00, a clínica fica com R$ 30,00 e o médico recebe R$ 120,00.');
    expect(plain(splitSentence(1, 5000))).toBe('Numa consulta de R$ 0,01, a clínica fica com R$ 0,01 e o médico recebe R$ 0,00.');
  });

  it('reads what the admin typed', () => {
    expect(shareInputValue(1250)).toBe('12,5');
    expect(typedFees('R$ 1.234,56', '12,5')).toEqual({ priceCents: 123456, clinicBps: 1250 });
    expect(typedFees('abc', '20')).toBeNull();
    expect(typedFees('150', '100,001')).toBeNull();
  });
});
