import clsx from 'clsx';
import { CircleAlert } from 'lucide-react';
import { useId } from 'react';
import type { ReactNode } from 'react';
import './field.css';

/** What a control inside a Field must spread to be labelled and described. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shows "opcional" next to the label (outside it, so the label text stays exact). */
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, one control, an optional hint and an inline error, wired with aria-describedby. */
export function Field({ label, error, hint, optional = false, className, children }: FieldProps) {
  const id = useId();
  const optionalId = `${id}-optional`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [optional && optionalId, hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className={clsx('field', className)}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {optional ? (
          <span className="field-optional" id={optionalId}>
            opcional
          </span>
        ) : null}
      </div>
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <CircleAlert aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
