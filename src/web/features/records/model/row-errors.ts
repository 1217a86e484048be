import { finalizeEvolutionCheckSchema } from '#shared/schemas/records.ts';
import { isBlankRow, toSaveInput } from './evolution-form';
import type { EvolutionFormValues } from './evolution-form';

/** Inline messages for the editor: per content field, and per row (by row key) and row field. */
export interface EditorErrors {
  /** "content" (nothing written) or a content field name. */
  content: Record<string, string>;
  rows: Record<string, Record<string, string>>;
  /** Messages that belong to no field we show. */
  other: string[];
}

export const NO_ERRORS: EditorErrors = { content: {}, rows: {}, other: [] };

export function hasErrors(errors: EditorErrors): boolean {
  return Object.keys(errors.content).length > 0 || Object.keys(errors.rows).length > 0 || errors.other.length > 0;
}

/**
 * Maps paths such as "diagnoses.0.code" or "prescriptions.1.dose" onto the editor's rows. The
 * indices count the rows as saved, that is without the completely blank ones the editor may
 * still show, so blank rows are skipped when counting.
 */
export function editorErrorsFromPaths(values: EvolutionFormValues, fields: Readonly<Record<string, string>>): EditorErrors {
  const errors: EditorErrors = { content: {}, rows: {}, other: [] };
  const saved = {
    diagnoses: values.diagnoses.filter((row) => !isBlankRow(row)),
    prescriptions: values.prescriptions.filter((row) => !isBlankRow(row)),
  };
  for (const [path, message] of Object.entries(fields)) {
    const [section, index, field] = path.split('.');
    if (section === 'content') {
      errors.content[index ?? 'content'] ??= message;
      continue;
    }
    if ((section === 'diagnoses' || section === 'prescriptions') && index !== undefined) {
      const row = saved[section][Number(index)];
      if (row) {
        const rowErrors = (errors.rows[row.key] ??= {});
        rowErrors[field ?? '_row'] ??= message;
        continue;
      }
    }
    if (!errors.other.includes(message)) errors.other.push(message);
  }
  return errors;
}

/** The same strict check the server runs when the doctor signs, run here first for instant messages. */
export function checkBeforeSigning(values: EvolutionFormValues): EditorErrors {
  const parsed = finalizeEvolutionCheckSchema.safeParse(toSaveInput(values, 1));
  if (parsed.success) return NO_ERRORS;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= issue.message;
  }
  return editorErrorsFromPaths(values, fields);
}
