import { describe, expect, it } from 'vitest';
import { PAYOUT_STATE_TEXT, payoutStateOf } from './payout-state';

describe('payout state', () => {
  it('is open for a month without payments', () => {
    expect(payoutStateOf('2026-11', [])).toBe('open');
    expect(payoutStateOf('2026-11', [{ month: '2026-10', status: 'received' }])).toBe('open');
    expect(PAYOUT_STATE_TEXT[payoutStateOf('2026-11', [])].label).toBe('Em aberto');
  });

  it('is closed while the payment waits to be paid, and paid once the clinic paid it', () => {
    expect(payoutStateOf('2026-10', [{ month: '2026-10', status: 'pending' }])).toBe('closed');
    expect(payoutStateOf('2026-10', [{ month: '2026-10', status: 'paid' }])).toBe('paid');
    expect(payoutStateOf('2026-10', [{ month: '2026-10', status: 'received' }])).toBe('paid');
    // "Não recebi": the money has not arrived, so the month is not paid for the doctor.
    expect(payoutStateOf('2026-10', [{ month: '2026-10', status: 'disputed' }])).toBe('closed');
  });

  it('goes back to open when the only payment was cancelled (its records return to open)', () => {
    expect(payoutStateOf('2026-10', [{ month: '2026-10', status: 'cancelled' }])).toBe('open');
    expect(
      payoutStateOf('2026-10', [
        { month: '2026-10', status: 'cancelled' },
        { month: '2026-10', status: 'pending' },
      ]),
    ).toBe('closed');
  });

  it('with a supplementary closing, is paid only when every live payment of the month is', () => {
    const first = { month: '2026-10', status: 'received' } as const;
    expect(payoutStateOf('2026-10', [first, { month: '2026-10', status: 'pending' }])).toBe('closed');
    expect(payoutStateOf('2026-10', [first, { month: '2026-10', status: 'paid' }])).toBe('paid');
  });

  it('names each state in plain words', () => {
    expect(Object.values(PAYOUT_STATE_TEXT).map((t) => t.label)).toEqual(['Em aberto', 'Fechado', 'Pago']);
    for (const t of Object.values(PAYOUT_STATE_TEXT)) expect(t.description).toMatch(/\.$/);
  });
});
