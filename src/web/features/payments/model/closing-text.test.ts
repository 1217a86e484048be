import { describe, expect, it } from 'vitest';
import { PAYMENT_ACTIONS, PAYMENT_STATUSES } from '#shared/schemas/payments.ts';
import {
  ADMIN_STATUS_HINT,
  PAYMENT_ACTION_LABELS,
  closingSeqText,
  pickedClosingMonth,
  recentMonths,
  doctorsCountText,
  endToEndIdError,
  paymentsCountText,
  underReviewWaitingText,
} from './closing-text';

describe('closing text', () => {
  it('has a hint for every state and a label for every action', () => {
    expect(Object.keys(ADMIN_STATUS_HINT).sort()).toEqual([...PAYMENT_STATUSES].sort());
    expect(Object.keys(PAYMENT_ACTION_LABELS).sort()).toEqual([...PAYMENT_ACTIONS].sort());
    for (const hint of Object.values(ADMIN_STATUS_HINT)) expect(hint).toMatch(/\.$/);
  });

  it('counts in words', () => {
    expect(closingSeqText(1)).toBe('1º fechamento');
    expect(closingSeqText(2)).toBe('2º fechamento (complementar)');
    expect([paymentsCountText(1), paymentsCountText(3)]).toEqual(['1 pagamento', '3 pagamentos']);
    expect([doctorsCountText(1), doctorsCountText(2)]).toEqual(['1 médico', '2 médicos']);
    expect(underReviewWaitingText(1)).toBe('1 consulta deste mês ainda está “Em análise”.');
    expect(underReviewWaitingText(4)).toBe('4 consultas deste mês ainda estão “Em análise”.');
  });

  it('checks an end-to-end id as the server does, accepting lower case and spaces around', () => {
    expect(endToEndIdError('')).toBeNull();
    expect(endToEndIdError('  ')).toBeNull();
    expect(endToEndIdError(' e12345678202611301200abcdefghijk ')).toBeNull();
    expect(endToEndIdError('E123')).toMatch(/começa com E e tem 32/);
    expect(endToEndIdError('X12345678202611301200ABCDEFGHIJK')).toMatch(/começa com E/);
  });

  it('picks the asked month when on offer, else last month', () => {
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(pickedClosingMonth(null, '2026-01')).toBe('2025-12');
    expect(pickedClosingMonth('2026-01', '2026-01')).toBe('2026-01');
    expect(pickedClosingMonth('2025-02', '2026-01')).toBe('2025-02');
    expect(pickedClosingMonth('2024-01', '2026-01')).toBe('2025-12');
    expect(pickedClosingMonth('2026-02', '2026-01')).toBe('2025-12');
    expect(pickedClosingMonth('nada', '2026-01')).toBe('2025-12');
  });
});
