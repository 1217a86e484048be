import { describe, expect, it } from 'vitest';
import { PAYOUT_STATE_TEXT, payoutStateOf } from './payout-state';

describe('payout state', () => {
  it('is open for every month until monthly closing exists', () => {
    for (const month of ['2025-01', '2026-11', '2026-12']) expect(payoutStateOf(month)).toBe('open');
    expect(PAYOUT_STATE_TEXT[payoutStateOf('2026-11')].label).toBe('Em aberto');
  });

  it('names each state in plain words', () => {
    expect(Object.values(PAYOUT_STATE_TEXT).map((t) => t.label)).toEqual(['Em aberto', 'Fechado', 'Pago']);
    for (const t of Object.values(PAYOUT_STATE_TEXT)) expect(t.description).toMatch(/\.$/);
  });
});
