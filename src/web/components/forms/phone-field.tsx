import type { ComponentProps } from 'react';
import { TextField } from '#web/components/ui/text-field.tsx';

type PhoneFieldProps = Omit<ComponentProps<typeof TextField>, 'label' | 'type' | 'autoComplete' | 'inputMode' | 'placeholder' | 'optional'>;

/** "Telefone" in the profile forms: optional, Brazilian with DDD; `hint` says what the clinic uses it for. */
export function PhoneField(props: PhoneFieldProps) {
  return <TextField label="Telefone" type="tel" autoComplete="tel-national" inputMode="tel" placeholder="(11) 91234-5678" optional {...props} />;
}
