import { describe, expect, it } from 'vitest';
import type { PaymentEvent } from '#shared/schemas/payments.ts';
import { paymentEventText, pixKeyText } from './payment-timeline';

const ana = { id: 'd1', name: 'Ana Souza' };
const marina = { id: 'a1', name: 'Marina Lopes' };
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

function event(over: Partial<PaymentEvent>): PaymentEvent {
  return {
    id: 'e',
    paymentId: 'p',
    action: 'created',
    fromStatus: null,
    toStatus: 'pending',
    actor: marina,
    at: '2026-12-02T12:00:00.000Z',
    note: null,
    details: null,
    ...over,
  };
}

const doctorView = (e: PaymentEvent) => paymentEventText(e, { viewer: 'doctor', doctor: ana });
const adminView = (e: PaymentEvent) => paymentEventText(e, { viewer: 'admin', doctor: ana });

describe('payment timeline in words', () => {
  it('closing: the amount and whether a PIX key was on file', () => {
    const e = event({ details: { closingSeq: 1, consultations: 22, netCents: 330_000, pixKey: 'missing' } });
    expect(nbsp(doctorView(e).sentence)).toBe('A clínica fechou o mês: R$ 3.300,00 por 22 consultas.');
    expect(doctorView(e).detail).toBe('Você ainda não tinha chave PIX no perfil.');
    expect(nbsp(adminView(e).sentence)).toBe('Marina Lopes fechou o mês: R$ 3.300,00 por 22 consultas.');
    expect(adminView(e).detail).toBe('Sem chave PIX no fechamento.');
    expect(doctorView(event({ details: { consultations: 1, netCents: 12_000, pixKey: 'on_file' } }))).toMatchObject({ detail: null });
  });

  it('paid: the date, the end-to-end id and the note; paid again after a dispute', () => {
    const e = event({
      action: 'paid',
      fromStatus: 'pending',
      toStatus: 'paid',
      note: 'Pago pelo Itaú',
      details: { paidOn: '2026-12-05', pixEndToEndId: 'E12345678202612051200abcdefghijk' },
    });
    expect(doctorView(e)).toEqual({
      sentence: 'A clínica pagou por PIX em 05/12/2026.',
      detail: 'Identificador do PIX: E12345678202612051200abcdefghijk. Observação: Pago pelo Itaú',
    });
    expect(adminView(e).sentence).toBe('Marina Lopes marcou como pago em 05/12/2026.');
    const again = event({ action: 'paid', fromStatus: 'disputed', toStatus: 'paid', details: { paidOn: '2026-12-08', pixEndToEndId: null } });
    expect(doctorView(again)).toEqual({ sentence: 'A clínica pagou de novo em 08/12/2026.', detail: null });
    expect(adminView(again).sentence).toBe('Marina Lopes marcou como pago de novo em 08/12/2026.');
  });

  it("the doctor's own steps: 'Você' to the doctor, the doctor's name to the admin", () => {
    const received = event({ action: 'received', fromStatus: 'paid', toStatus: 'received', actor: ana });
    expect(doctorView(received).sentence).toBe('Você confirmou o recebimento.');
    expect(adminView(received).sentence).toBe('Dr(a). Ana Souza confirmou o recebimento.');
    const disputed = event({ action: 'disputed', fromStatus: 'paid', toStatus: 'disputed', actor: ana, note: 'Não caiu na conta' });
    expect(doctorView(disputed)).toEqual({ sentence: 'Você avisou que não recebeu.', detail: '“Não caiu na conta”' });
    expect(adminView(disputed).sentence).toBe('Dr(a). Ana Souza disse que não recebeu.');
  });

  it('cancelled: the reason and where the consultations go', () => {
    const e = event({ action: 'cancelled', fromStatus: 'disputed', toStatus: 'cancelled', note: 'Valor errado' });
    expect(doctorView(e)).toEqual({
      sentence: 'A clínica cancelou o pagamento.',
      detail: 'Motivo: Valor errado. As consultas voltam para o próximo fechamento.',
    });
    expect(doctorView(event({ action: 'cancelled', note: 'Valor errado.' })).detail).toBe(
      'Motivo: Valor errado. As consultas voltam para o próximo fechamento.',
    );
  });

  it('a new PIX key, formatted, and who changed it', () => {
    const e = event({
      action: 'pix_key_refreshed',
      fromStatus: 'pending',
      toStatus: 'pending',
      actor: ana,
      details: { before: null, after: { type: 'cpf', key: '52998224725' } },
    });
    expect(doctorView(e)).toEqual({ sentence: 'A chave PIX do pagamento passou a ser CPF 529.982.247-25.', detail: 'Mudança feita por você.' });
    expect(adminView(e).detail).toBe('Mudança feita por Dr(a). Ana Souza.');
    expect(doctorView(event({ action: 'pix_key_refreshed', details: { before: { type: 'cpf', key: '52998224725' }, after: null } })).sentence).toBe(
      'A chave PIX do pagamento foi retirada.',
    );
    expect(pixKeyText({ type: 'nope', key: 'x' })).toBeNull();
    expect(pixKeyText({ type: 'email', key: 'ana@exemplo.com' })).toBe('E-mail ana@exemplo.com');
  });

  it('an event whose actor is gone reads as the clinic', () => {
    expect(adminView(event({ action: 'paid', actor: null, details: { paidOn: '2026-12-05' } })).sentence).toBe('A clínica marcou como pago em 05/12/2026.');
  });
});
