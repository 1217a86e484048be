import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES } from '#shared/schemas/payments.ts';
import { DOCTOR_STATUS_HINT, paymentMonthLabel, paymentMonthName, paymentStatusText, paymentTitle } from './payment-text';

describe('payment text', () => {
  it("names each state in the doctor's words", () => {
    expect(PAYMENT_STATUSES.map((s) => paymentStatusText(s, 'doctor').label)).toEqual([
      'Aguardando pagamento',
      'Pago — confirme o recebimento',
      'Recebido',
      'Você avisou que não recebeu',
      'Cancelado',
    ]);
    for (const s of PAYMENT_STATUSES) expect(DOCTOR_STATUS_HINT[s]).toMatch(/\.$/);
  });

  it("names each state in the admin's words, never addressing the doctor", () => {
    for (const s of PAYMENT_STATUSES) expect(paymentStatusText(s, 'admin').label).not.toMatch(/Você|confirme/);
    expect(paymentStatusText('disputed', 'admin').tone).toBe('danger');
    expect(paymentStatusText('received', 'doctor').tone).toBe('success');
  });

  it('names the month in Portuguese whatever the time zone, and a supplementary payment as such', () => {
    expect(paymentMonthName('2026-11')).toBe('novembro');
    expect(paymentMonthLabel('2026-03')).toBe('Março de 2026');
    expect(paymentMonthName('bad')).toBe('bad');
    expect(paymentTitle({ month: '2026-10', closingSeq: 1 })).toBe('Pagamento de outubro');
    expect(paymentTitle({ month: '2026-10', closingSeq: 2 })).toBe('Pagamento complementar de outubro');
  });
});
