import type { DiagnosisRow, EvolutionFormValues, PrescriptionField } from './evolution-form';
import type { EditorErrors } from './row-errors';

/** The prescription fields as the editor labels them. */
export const PRESCRIPTION_LABELS: Readonly<Record<PrescriptionField, string>> = {
  medicine: 'Medicamento',
  dose: 'Dose',
  route: 'Via',
  frequency: 'Frequência',
  duration: 'Duração',
  instructions: 'Instruções',
};

/** What a signed prescription item must have (finalizeEvolutionCheckSchema): marked on the form. */
export const REQUIRED_PRESCRIPTION_FIELDS: ReadonlySet<PrescriptionField> = new Set(['medicine', 'dose', 'frequency']);

const DIAGNOSIS_LABELS: Readonly<Record<Exclude<keyof DiagnosisRow, 'key'>, string>> = { code: 'CID-10', description: 'Descrição' };

/**
 * The fields that stop signing, by name and place ("Dose do item 1 da receita"), in form order,
 * so the message beside "Assinar" says what to fill instead of "confira os campos marcados".
 */
export function blockingFieldNames(values: EvolutionFormValues, errors: EditorErrors): string[] {
  const names: string[] = [];
  if (Object.keys(errors.content).length > 0) names.push('Anotações');
  values.diagnoses.forEach((row, i) => {
    const rowErrors = errors.rows[row.key];
    if (!rowErrors) return;
    for (const field of ['code', 'description'] as const) if (rowErrors[field]) names.push(`${DIAGNOSIS_LABELS[field]} do diagnóstico ${i + 1}`);
    if (rowErrors._row && !rowErrors.code && !rowErrors.description) names.push(`Diagnóstico ${i + 1}`);
  });
  values.prescriptions.forEach((row, i) => {
    const rowErrors = errors.rows[row.key];
    if (!rowErrors) return;
    for (const field of Object.keys(PRESCRIPTION_LABELS) as PrescriptionField[])
      if (rowErrors[field]) names.push(`${PRESCRIPTION_LABELS[field]} do item ${i + 1} da receita`);
    if (rowErrors._row && !rowErrors.medicine) names.push(`Item ${i + 1} da receita`);
  });
  return names;
}

/** "Para assinar, preencha: Dose do item 1 da receita e Frequência do item 1 da receita." */
export function blockingSentence(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} e ${names.at(-1)!}`;
  return `Para assinar, preencha: ${list}.`;
}
