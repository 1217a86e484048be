import type { ChangeEvent } from 'react';
import { passwordSchema } from '#shared/schemas/auth.ts';
import { PasswordField } from '#web/components/ui/password-field.tsx';

/** What is wrong with a chosen password, in the shared schema's words; undefined when it will do. */
export function newPasswordError(password: string): string | undefined {
  const parsed = passwordSchema.safeParse(password);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'Senha inválida.');
}

interface NewPasswordFieldProps {
  /** The account's e-mail, shown above and given to password managers. */
  email: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/**
 * The account a new password is for, then the password box: the invite's, the room link's and the
 * new-password link's forms.
 */
export function NewPasswordField({ email, label, hint, value, onChange, error }: NewPasswordFieldProps) {
  return (
    <>
      <div className="field">
        <span className="field-label">Seu e-mail de acesso</span>
        <p className="invite-email">{email}</p>
      </div>
      {/* Lets password managers store the new password with the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        label={label}
        name="new-password"
        autoComplete="new-password"
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        error={error}
        hint={hint}
      />
    </>
  );
}
