import { describe, expect, it } from 'vitest';
import { emptyDiagnosis, emptyPrescription, formValuesFrom, isBlankRow, isEmptyForm, sameSavedContent, toSaveInput } from './evolution-form';
import type { EvolutionFormValues } from './evolution-form';
import { checkBeforeSigning, editorErrorsFromPaths } from './row-errors';

const content = { complaint: '', history: '', exam: '', plan: '', notes: 'Febre há 2 dias' };

function values(): EvolutionFormValues {
  return {
    content: { ...content },
    diagnoses: [
      { key: 'd1', code: '', description: ' ' },
      { key: 'd2', code: 'J06.9', description: 'IVAS' },
    ],
    prescriptions: [
      { key: 'p1', medicine: 'Dipirona', dose: '', route: '', frequency: '', duration: '', instructions: '' },
      { ...emptyPrescription(), key: 'p2' },
      { key: 'p3', medicine: 'Soro', dose: '10 ml', route: 'nasal', frequency: '', duration: '', instructions: '' },
    ],
  };
}

describe('blank rows', () => {
  it('counts a row of spaces as blank, a row with any text as filled', () => {
    expect(isBlankRow(emptyDiagnosis())).toBe(true);
    expect(isBlankRow({ key: 'k', code: ' ', description: '\n' })).toBe(true);
    expect(isBlankRow({ key: 'k', code: '', description: 'x' })).toBe(false);
  });

  it('leaves completely blank rows out of the save and drops the row keys', () => {
    const input = toSaveInput(values(), 7);
    expect(input.version).toBe(7);
    expect(input.diagnoses).toEqual([{ code: 'J06.9', description: 'IVAS' }]);
    expect(input.prescriptions).toHaveLength(2);
    expect(input.prescriptions?.[1]).not.toHaveProperty('key');
  });

  it('compares only what would be saved', () => {
    const a = values();
    const b = { ...values(), diagnoses: [values().diagnoses[1]!], prescriptions: values().prescriptions.map((p) => ({ ...p, key: `${p.key}x` })) };
    expect(sameSavedContent(a, b)).toBe(true);
    expect(sameSavedContent(a, { ...a, content: { ...content, notes: 'outra' } })).toBe(false);
  });

  it('knows an untouched form', () => {
    expect(isEmptyForm({ content: { complaint: '', history: '', exam: '', plan: '', notes: '  ' }, diagnoses: [emptyDiagnosis()], prescriptions: [] })).toBe(
      true,
    );
    expect(isEmptyForm(values())).toBe(false);
  });

  it('builds rows from a saved entry', () => {
    const form = formValuesFrom({ content, diagnoses: [{ code: 'A09', description: 'Diarreia' }], prescriptions: [] });
    expect(form.diagnoses[0]).toMatchObject({ code: 'A09', description: 'Diarreia' });
    expect(form.diagnoses[0]!.key).toBeTruthy();
  });
});

describe('editor errors', () => {
  it('puts server messages on the right rows, skipping blank rows when counting', () => {
    const errors = editorErrorsFromPaths(values(), {
      'diagnoses.0.code': 'Código inválido',
      'prescriptions.1.frequency': 'Informe a frequência',
      content: 'Escreva a evolução',
      'prescriptions.9.dose': 'Sem linha',
    });
    expect(errors.rows.d2).toEqual({ code: 'Código inválido' });
    expect(errors.rows.p3).toEqual({ frequency: 'Informe a frequência' });
    expect(errors.content.content).toBe('Escreva a evolução');
    expect(errors.other).toEqual(['Sem linha']);
  });

  it('runs the signing check locally', () => {
    const errors = checkBeforeSigning(values());
    expect(errors.rows.p1).toMatchObject({ dose: expect.any(String), frequency: expect.any(String) });
    expect(errors.rows.d2).toBeUndefined();
    const empty = checkBeforeSigning({ content: { complaint: '', history: '', exam: '', plan: '', notes: '' }, diagnoses: [], prescriptions: [] });
    expect(empty.content.content).toBeTruthy();
  });
});
