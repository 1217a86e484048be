import { describe, expect, it } from 'vitest';
import { BILLING_KIND_LABELS } from './billing-text';
import { UNDER_REVIEW_FOR_DOCTOR, ownUnderReviewText } from './earnings-text';

describe('earnings text', () => {
  it('counts what the clinic still checks, in the right number', () => {
    expect(ownUnderReviewText(1)).toBe('1 consulta deste mês está em análise.');
    expect(ownUnderReviewText(2)).toBe('2 consultas deste mês estão em análise.');
    expect(ownUnderReviewText(1200)).toBe('1.200 consultas deste mês estão em análise.');
    expect(UNDER_REVIEW_FOR_DOCTOR).toContain('a clínica confere');
  });

  it('names how each consultation was held', () => {
    expect(BILLING_KIND_LABELS).toEqual({ video: 'Vídeo', in_person: 'Presencial', phone: 'Telefone' });
  });
});
