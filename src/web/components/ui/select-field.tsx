import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from './field';
import { Select } from './select';
import type { SelectOption } from './select';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly SelectOption[];
  placeholder?: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  fieldClassName?: string;
}

/** Field + Select in one. */
export function SelectField({ label, options, placeholder, error, hint, optional, fieldClassName, ...select }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional ?? false} className={fieldClassName}>
      {(control) => <Select {...select} {...control} options={options} placeholder={placeholder} />}
    </Field>
  );
}
