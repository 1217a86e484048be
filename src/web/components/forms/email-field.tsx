import { TextField } from '#web/components/ui/text-field.tsx';

interface EmailFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  /** "username" where it is the person's own sign-in (password managers fill it); "off" in forms about someone else. */
  autoComplete?: 'off' | 'username';
}

/** The e-mail box used in account forms. */
export function EmailField({ value, onChange, error, hint, autoComplete = 'off' }: EmailFieldProps) {
  return (
    <TextField
      label="E-mail"
      name="email"
      type="email"
      autoComplete={autoComplete}
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={hint}
    />
  );
}
