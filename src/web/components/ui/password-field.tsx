import { Eye, EyeOff } from 'lucide-react';
import { useState } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './field';
import { Input } from './input';

interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  fieldClassName?: string;
}

/**
 * A password box with a show/hide toggle. The toggle's name comes from its content (not
 * aria-label) so it never matches the password's own label, and aria-pressed gives its state.
 */
export function PasswordField({ label, error, hint, fieldClassName, ...input }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => (
        <div className="input-group">
          <Input {...input} {...control} type={visible ? 'text' : 'password'} autoCapitalize="none" spellCheck={false} />
          <button
            type="button"
            className="input-group-button"
            aria-pressed={visible}
            aria-controls={control.id}
            onClick={() => setVisible((v) => !v)}
            title={visible ? 'Esconder senha' : 'Mostrar senha'}
          >
            {visible ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
            <span className="sr-only">Mostrar senha</span>
          </button>
        </div>
      )}
    </Field>
  );
}
