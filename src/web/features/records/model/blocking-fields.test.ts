import { describe, expect, it } from 'vitest';
import { emptyDiagnosis, emptyPrescription } from './evolution-form';
import type { EvolutionFormValues } from './evolution-form';
import { blockingFieldNames, blockingSentence } from './blocking-fields';
import { checkBeforeSigning } from './row-errors';

const content = { complaint: '', history: '', exam: '', plan: '', notes: 'Febre há 2 dias.' };

describe('the fields that block signing, by name', () => {
  it('names each missing required prescription field with its item', () => {
    const rx = { ...emptyPrescription(), medicine: 'Dipirona 500 mg', route: 'Oral' };
    const values: EvolutionFormValues = { content, diagnoses: [], prescriptions: [rx] };
    const names = blockingFieldNames(values, checkBeforeSigning(values));
    expect(names).toEqual(['Dose do item 1 da receita', 'Frequência do item 1 da receita']);
    expect(blockingSentence(names)).toBe('Para assinar, preencha: Dose do item 1 da receita e Frequência do item 1 da receita.');
  });

  it('counts items as shown, and names diagnoses and empty notes too', () => {
    const ok = { ...emptyPrescription(), medicine: 'A', dose: '1', frequency: '1x' };
    const second = { ...emptyPrescription(), medicine: 'B', dose: '1' };
    const dx = { ...emptyDiagnosis(), code: 'XX', description: 'Algo' };
    const values: EvolutionFormValues = { content: { ...content, notes: '' }, diagnoses: [dx], prescriptions: [ok, second] };
    expect(blockingFieldNames(values, checkBeforeSigning(values))).toEqual(['Anotações', 'CID-10 do diagnóstico 1', 'Frequência do item 2 da receita']);
  });

  it('says nothing when everything needed is there', () => {
    const values: EvolutionFormValues = { content, diagnoses: [], prescriptions: [{ ...emptyPrescription(), medicine: 'A', dose: '1', frequency: '1x' }] };
    expect(blockingFieldNames(values, checkBeforeSigning(values))).toEqual([]);
    expect(blockingSentence([])).toBeNull();
  });
});
