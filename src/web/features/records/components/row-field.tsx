import { CircleAlert } from 'lucide-react';
import type { ComponentProps } from 'react';
import { Input } from '#web/components/ui/input.tsx';

interface RowFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  id: string;
  label: string;
  /** Read after the label by screen readers only ("do item 2"), so every row's fields have their own name. */
  labelSuffix: string;
  error?: string | undefined;
  /** The row draws the message itself (under the whole row), with id `${id}-error`. */
  errorOutside?: boolean;
  className?: string;
  /** Needed to sign (not to save a draft): a visible asterisk, and announced as required. */
  requiredToSign?: boolean;
}

/** A small labelled input inside a diagnosis or prescription row, with its inline error. */
export function RowField({ id, label, labelSuffix, error, errorOutside = false, className, requiredToSign = false, ...input }: RowFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={className ? `evo-row-field ${className}` : 'evo-row-field'}>
      <span className="evo-row-label-line">
        <label htmlFor={id} className="evo-row-label">
          {label}
          <span className="sr-only"> {labelSuffix}</span>
        </label>
        {/* Outside the label, so the field's name stays "Dose do item 1"; aria-required says it to screen readers. */}
        {requiredToSign ? (
          <span className="evo-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </span>
      <Input
        {...input}
        id={id}
        aria-required={requiredToSign || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && !errorOutside ? (
        <p className="field-error" id={errorId}>
          <CircleAlert aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
