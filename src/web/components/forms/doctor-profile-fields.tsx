import { BadgeCheck, UserRound, Wallet } from 'lucide-react';
import type { ReactNode } from 'react';
import { UF_NAMES, UFS } from '#shared/domain/crm.ts';
import { PIX_KEY_TYPE_LABELS, PIX_KEY_TYPES, pixKeyError } from '#shared/domain/pix.ts';
import type { PixKeyType } from '#shared/domain/pix.ts';
import { citySchema } from '#shared/schemas/profile.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { fieldBinder } from './bind-field';
import type { DoctorValues } from './doctor-values';
import { FormSection } from './form-section';
import { PhoneField } from './phone-field';
import { PIX_INPUT_MODES, PIX_KEY_HINTS } from './pix-hints';

const UF_OPTIONS = UFS.map((uf) => ({ value: uf, label: `${uf} – ${UF_NAMES[uf]}` }));
const PIX_TYPE_OPTIONS = PIX_KEY_TYPES.map((type) => ({ value: type, label: PIX_KEY_TYPE_LABELS[type] }));

function isPixKeyType(value: string): value is PixKeyType {
  return (PIX_KEY_TYPES as readonly string[]).includes(value);
}

interface DoctorProfileFieldsProps {
  values: DoctorValues;
  errors: FieldErrors;
  onChange: (field: keyof DoctorValues & string, value: string) => void;
  onFieldError: (field: string, message: string | null) => void;
  /** Extra field shown after the name (the e-mail, where it can be edited). */
  emailField?: ReactNode;
  /** Heading level of the section titles: 2 when the form is the page's main content. */
  headingLevel?: 2 | 3;
  /** Who fills the form: the doctor ("o seu repasse") or the admin, for a doctor ("o repasse do médico"). */
  audience?: 'self' | 'admin';
}

/** The sentences that speak to whoever fills the form. */
const WORDS = {
  self: { phoneHint: 'Com DDD. Usado para falar com você pelo WhatsApp.', pixIntro: 'Para onde a clínica envia o seu repasse mensal.' },
  admin: { phoneHint: 'Com DDD. Usado para falar com o médico pelo WhatsApp.', pixIntro: 'Para onde a clínica envia o repasse mensal do médico.' },
} as const;

/**
 * Name, CRM + UF, RQE, specialty, phone, the PIX key with live checking against its type (the DICT
 * rules, explained in plain words) and the city the PIX code names as the receiver's.
 */
export function DoctorProfileFields({ values, errors, onChange, onFieldError, emailField, headingLevel = 3, audience = 'self' }: DoctorProfileFieldsProps) {
  const words = WORDS[audience];
  const field = fieldBinder(values, errors, onChange);
  const pixType = isPixKeyType(values.pixKeyType) ? values.pixKeyType : null;

  const checkPixKey = (key: string, type: PixKeyType | null) => {
    if (!type || key.trim() === '') return onFieldError('pixKey', null);
    onFieldError('pixKey', pixKeyError(key, type));
  };

  const checkCity = (city: string) => {
    if (city.trim() === '') return onFieldError('city', null);
    const parsed = citySchema.safeParse(city);
    onFieldError('city', parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
  };

  return (
    <>
      <FormSection level={headingLevel} title="Dados pessoais" icon={<UserRound aria-hidden="true" />}>
        <div className="grid-2">
          <TextField label="Nome completo" autoComplete="name" {...field('name')} fieldClassName={emailField ? undefined : 'span-2'} />
          {emailField}
          <PhoneField {...field('phone')} hint={words.phoneHint} />
        </div>
      </FormSection>
      <FormSection level={headingLevel} title="Registro profissional" icon={<BadgeCheck aria-hidden="true" />}>
        <div className="grid-2">
          <TextField label="Número do CRM" inputMode="numeric" {...field('crmNumber')} />
          <SelectField label="UF do CRM" placeholder="Selecione o estado" options={UF_OPTIONS} {...field('crmUf')} />
          <TextField label="Especialidade" placeholder="Ex.: Cardiologia" {...field('specialty')} />
          <TextField label="RQE" inputMode="numeric" optional {...field('rqe')} hint="Registro de Qualificação de Especialista, se houver." />
        </div>
      </FormSection>
      <FormSection level={headingLevel} title="Recebimento por PIX" icon={<Wallet aria-hidden="true" />} description={words.pixIntro}>
        <div className="grid-2">
          <SelectField
            label="Tipo de chave PIX"
            placeholder="Selecione"
            options={PIX_TYPE_OPTIONS}
            {...field('pixKeyType')}
            onChange={(e) => {
              onChange('pixKeyType', e.target.value);
              checkPixKey(values.pixKey, isPixKeyType(e.target.value) ? e.target.value : null);
            }}
          />
          <TextField
            label="Chave PIX"
            autoCapitalize="none"
            spellCheck={false}
            inputMode={pixType ? PIX_INPUT_MODES[pixType] : 'text'}
            {...field('pixKey')}
            onBlur={(e) => checkPixKey(e.target.value, pixType)}
            hint={pixType ? PIX_KEY_HINTS[pixType] : 'Escolha primeiro o tipo da chave.'}
          />
          <TextField
            label="Cidade"
            autoComplete="address-level2"
            optional
            {...field('city')}
            onBlur={(e) => checkCity(e.target.value)}
            hint="Aparece como cidade do recebedor no código PIX. Sem ela, usamos a cidade da clínica."
          />
          <SelectField label="UF da cidade" autoComplete="address-level1" optional placeholder="Selecione o estado" options={UF_OPTIONS} {...field('cityUf')} />
        </div>
      </FormSection>
    </>
  );
}
