import { TextField } from '../ui/text-field';

/** The e-mail box used in account forms. */
export function EmailField({ value, onChange, error, hint }: { value: string; onChange: (value: string) => void; error?: string | undefined; hint?: string }) {
  return (
    <TextField
      label="E-mail"
      name="email"
      type="email"
      autoComplete="off"
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
