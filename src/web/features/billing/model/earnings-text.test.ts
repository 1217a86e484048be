import { describe, expect, it } from 'vitest';
import { BILLING_KIND_LABELS } from './billing-text';
import { UNDER_REVIEW_FOR_DOCTOR, ownUnderReviewText } from './earnings-text';

describe('earnings text', () => {
  it('counts what the clinic still checks, in the right number', () => {
    expect(ownUnderReviewText(1, 'novembro')).toBe('1 consulta de novembro está em análise.');
    expect(ownUnderReviewText(2, 'março')).toBe('2 consultas de março estão em análise.');
    expect(ownUnderReviewText(1200, 'maio')).toBe('1.200 consultas de maio estão em análise.');
    expect(UNDER_REVIEW_FOR_DOCTOR).toContain('a clínica confere');
  });

  it('names how each consultation was held', () => {
    expect(BILLING_KIND_LABELS).toEqual({ video: 'Vídeo', in_person: 'Presencial', phone: 'Telefone' });
  });
});
