import { describe, expect, it } from 'vitest';
import { paymentNoticeText } from './payment-notice-text';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const notice = { paymentId: 'p', month: '2026-11', doctorName: 'Dra. Ana Souza', netCents: 330_000 };

describe('payment notices as toasts', () => {
  it('tells the doctor the clinic paid and what to do next', () => {
    const t = paymentNoticeText({ ...notice, status: 'paid' }, 'doctor');
    expect(nbsp(t.message)).toBe('Pagamento de novembro marcado como pago: R$ 3.300,00. Confirme quando receber.');
    expect(t.tone).toBe('info');
    expect(paymentNoticeText({ ...notice, status: 'cancelled' }, 'doctor').message).toBe(
      'Pagamento de novembro cancelado pela clínica. As consultas entram no próximo fechamento.',
    );
  });

  it("tells the admin the doctor's answer, a dispute loudly", () => {
    expect(nbsp(paymentNoticeText({ ...notice, status: 'received' }, 'admin').message)).toBe(
      'Dra. Ana Souza confirmou o recebimento do pagamento de novembro (R$ 3.300,00).',
    );
    const disputed = paymentNoticeText({ ...notice, doctorName: 'Bruno Lima', status: 'disputed' }, 'admin');
    expect(nbsp(disputed.message)).toBe('Dr(a). Bruno Lima disse que não recebeu o pagamento de novembro (R$ 3.300,00). Confira em Fechamentos.');
    expect(disputed.tone).toBe('error');
  });

  it('says something plain for any other step', () => {
    expect(paymentNoticeText({ ...notice, status: 'pending' }, 'doctor').message).toBe('Pagamento de novembro atualizado.');
    expect(paymentNoticeText({ ...notice, status: 'paid' }, 'admin').message).toBe('Pagamento de novembro de Dra. Ana Souza atualizado.');
  });
});
