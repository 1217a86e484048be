import { Field } from '#web/components/ui/field.tsx';
import { Textarea } from '#web/components/ui/textarea.tsx';
import type { Checked } from './use-submit-form';

/** A reason of at least 3 letters (trimmed), or the message beside "Motivo"; `toSend` makes the request of it. */
export function checkedReason<T>(reason: string, toSend: (reason: string) => T): Checked<T> {
  const trimmed = reason.trim();
  return trimmed.length < 3 ? { errors: { reason: 'Diga o motivo (pelo menos 3 letras).' } } : { data: toSend(trimmed) };
}

/** "Motivo": why someone rejects, voids or cancels; it is kept with the record. Focused when its dialog opens. */
export function ReasonField({ value, onChange, error, hint }: { value: string; onChange: (value: string) => void; error: string | undefined; hint: string }) {
  return (
    <Field label="Motivo" error={error} hint={hint}>
      {(control) => <Textarea {...control} value={value} rows={3} maxLength={500} onChange={(e) => onChange(e.target.value)} autoFocus />}
    </Field>
  );
}
