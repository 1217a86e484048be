import type { ComponentProps, ReactNode } from 'react';
import { Field } from './field';
import { Input } from './input';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  fieldClassName?: string;
}

/** Field + Input in one: the usual labelled text box with hint and inline error. */
export function TextField({ label, error, hint, optional, fieldClassName, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional ?? false} className={fieldClassName}>
      {(control) => <Input {...input} {...control} />}
    </Field>
  );
}
