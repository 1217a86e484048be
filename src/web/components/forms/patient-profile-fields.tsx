import { UserRound } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { todayYmd } from '#web/lib/format-date.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { TextField } from '#web/components/ui/text-field.tsx';
import { fieldBinder } from './bind-field';
import { FormSection } from './form-section';
import type { PatientValues } from './patient-values';
import { PhoneField } from './phone-field';

interface PatientProfileFieldsProps {
  values: PatientValues;
  errors: FieldErrors;
  onChange: (field: keyof PatientValues & string, value: string) => void;
  emailField?: ReactNode;
  /** Heading level of the section titles: 2 when the form is the page's main content. */
  headingLevel?: 2 | 3;
  /** Content after the fields, inside the same section (e.g. the doctors picker). */
  children?: ReactNode;
}

/** Name, CPF, birth date and phone of a patient. */
export function PatientProfileFields({ values, errors, onChange, emailField, children, headingLevel = 3 }: PatientProfileFieldsProps) {
  const [today] = useState(todayYmd);
  const field = fieldBinder(values, errors, onChange);
  return (
    <FormSection level={headingLevel} title="Dados pessoais" icon={<UserRound aria-hidden="true" />}>
      <div className="grid-2">
        <TextField label="Nome completo" autoComplete="name" {...field('name')} fieldClassName={emailField ? undefined : 'span-2'} />
        {emailField}
        <TextField label="CPF" inputMode="numeric" placeholder="000.000.000-00" optional {...field('cpf')} />
        <TextField label="Data de nascimento" type="date" min="1900-01-01" max={today} optional {...field('birthDate')} />
        <PhoneField {...field('phone')} hint="Com DDD. Usado para enviar o convite e avisos pelo WhatsApp." fieldClassName="span-2" />
      </div>
      {children}
    </FormSection>
  );
}
