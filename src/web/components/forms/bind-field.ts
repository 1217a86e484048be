import type { ChangeEvent } from 'react';
import type { FieldErrors } from '#web/lib/form-errors.ts';

/** The props that tie a text box or a select to one field of a form's values. */
export interface BoundField {
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  error: string | undefined;
}

/**
 * Ties inputs to a form's values, its field errors and its change handler, one field at a time:
 * `const field = fieldBinder(values, errors, onChange)`, then `<TextField label="RQE" {...field('rqe')} />`.
 */
export function fieldBinder<K extends string>(values: Record<K, string>, errors: FieldErrors, onChange: (field: K, value: string) => void) {
  return (field: K): BoundField => ({ name: field, value: values[field], onChange: (e) => onChange(field, e.target.value), error: errors[field] });
}
