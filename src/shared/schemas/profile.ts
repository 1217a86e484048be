import { z } from 'zod';
import { isValidCpf, normalizeCpf } from '#shared/domain/cpf-cnpj.ts';
import { UFS, crmError, normalizeCrmNumber } from '#shared/domain/crm.ts';
import { PIX_KEY_TYPES, parsePixKey, pixKeyError } from '#shared/domain/pix.ts';
import { brPhoneSchema, optionalField, personNameSchema } from './common';

export const ufSchema = z.enum(UFS, { message: 'Escolha a UF do CRM.' });
export const pixKeyTypeSchema = z.enum(PIX_KEY_TYPES, { message: 'Escolha o tipo da chave PIX.' });

export const crmNumberSchema = z
  .string({ message: 'Informe o número do CRM.' })
  .trim()
  .min(1, { message: 'Informe o número do CRM.', abort: true })
  .refine((s) => crmError(s, 'SP') === null, { message: 'Número do CRM inválido: use só números (até 7 dígitos).' })
  .transform((s) => normalizeCrmNumber(s) ?? s);

export const cpfSchema = z
  .string()
  .trim()
  .refine((s) => isValidCpf(s), { message: 'CPF inválido: confira os números.' })
  .transform((s) => normalizeCpf(s) ?? s);

/** YYYY-MM-DD, a real calendar date, not in the future, not before 1900. */
export const birthDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Data de nascimento inválida.' })
  .refine(
    (s) => {
      const d = new Date(`${s}T12:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && d.getTime() <= Date.now();
    },
    { message: 'Data de nascimento inválida.' },
  );

export const specialtySchema = z
  .string({ message: 'Informe a especialidade.' })
  .trim()
  .min(3, { message: 'Informe a especialidade.' })
  .max(80, { message: 'Especialidade longa demais.' });

/** PIX key fields travel together; the key is validated against its declared type. */
const pixFields = {
  pixKeyType: optionalField(pixKeyTypeSchema),
  pixKey: optionalField(z.string().trim().max(120, { message: 'Chave PIX longa demais.' })),
};

type PixFields = { pixKeyType?: (typeof PIX_KEY_TYPES)[number] | undefined; pixKey?: string | undefined };

function refinePix(v: PixFields, ctx: z.RefinementCtx) {
  if (!v.pixKey && !v.pixKeyType) return;
  if (!v.pixKeyType) {
    ctx.addIssue({ code: 'custom', path: ['pixKeyType'], message: 'Escolha o tipo da chave PIX.' });
    return;
  }
  if (!v.pixKey) {
    ctx.addIssue({ code: 'custom', path: ['pixKey'], message: 'Informe a chave PIX.' });
    return;
  }
  const error = pixKeyError(v.pixKey, v.pixKeyType);
  if (error) ctx.addIssue({ code: 'custom', path: ['pixKey'], message: error });
}

/** Canonical PIX key (no punctuation, +55 phones, lower-case UUID) once validated. */
function canonicalPix<T extends PixFields>(v: T): T {
  if (!v.pixKey || !v.pixKeyType) return { ...v, pixKey: undefined, pixKeyType: undefined };
  const parsed = parsePixKey(v.pixKey, v.pixKeyType);
  return parsed ? { ...v, pixKey: parsed.key } : v;
}

/** Longest city name the profile takes ("Vila Bela da Santíssima Trindade" has 32). */
export const CITY_MAX_LENGTH = 60;

/** A city name: letters (accents welcome), spaces, hyphen and apostrophe, as in "Sant'Ana do Livramento". */
export const citySchema = z
  .string()
  .transform((s) =>
    s
      .normalize('NFC')
      .replace(/[\u2019\u02bc]/g, "'")
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .pipe(
    z
      .string()
      .max(CITY_MAX_LENGTH, { message: `Cidade longa demais: use no máximo ${CITY_MAX_LENGTH} caracteres.` })
      .regex(/^[\p{L}\p{M}' -]+$/u, { message: 'Cidade inválida: use só letras, espaços, hífen e apóstrofo.' })
      .refine((s) => (s.match(/\p{L}/gu) ?? []).length >= 2, { message: 'Informe o nome da cidade.' }),
  );

export const cityUfSchema = z.enum(UFS, { message: 'Escolha a UF da cidade.' });

/** City and its UF travel together: one without the other is incomplete. */
function refineCity(v: { city?: string | undefined; cityUf?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.city && !v.cityUf) ctx.addIssue({ code: 'custom', path: ['cityUf'], message: 'Escolha a UF da cidade.' });
  if (v.cityUf && !v.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'Informe a cidade.' });
}

const doctorFields = {
  name: personNameSchema,
  crmNumber: crmNumberSchema,
  crmUf: ufSchema,
  rqe: optionalField(
    z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, { message: 'RQE inválido: use só números.' }),
  ),
  specialty: specialtySchema,
  phone: optionalField(brPhoneSchema),
  // Spaces alone count as not given, like an empty box.
  city: z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), citySchema.optional()),
  cityUf: optionalField(cityUfSchema),
  ...pixFields,
};

/** What a doctor (or the admin) fills in the doctor's profile. */
export const doctorProfileInputSchema = z
  .object(doctorFields)
  .superRefine((v, ctx) => {
    const error = crmError(v.crmNumber, v.crmUf);
    if (error) ctx.addIssue({ code: 'custom', path: ['crmNumber'], message: error });
    refinePix(v, ctx);
    refineCity(v, ctx);
  })
  .transform(canonicalPix);
export type DoctorProfileInput = z.input<typeof doctorProfileInputSchema>;

const patientFields = {
  name: personNameSchema,
  cpf: optionalField(cpfSchema),
  birthDate: optionalField(birthDateSchema),
  phone: optionalField(brPhoneSchema),
};

/** What a patient, their doctor or the admin fills in the patient's profile. */
export const patientProfileInputSchema = z.object(patientFields);
export type PatientProfileInput = z.input<typeof patientProfileInputSchema>;

/** Admin's own profile: just a name. */
export const adminProfileInputSchema = z.object({ name: personNameSchema });

export const doctorProfileSchema = z.object({
  crmNumber: z.string(),
  crmUf: z.string(),
  rqe: z.string().nullable(),
  specialty: z.string(),
  phone: z.string().nullable(),
  pixKeyType: pixKeyTypeSchema.nullable(),
  pixKey: z.string().nullable(),
  city: z.string().nullable(),
  cityUf: z.string().nullable(),
});
export type DoctorProfile = z.infer<typeof doctorProfileSchema>;

export const patientProfileSchema = z.object({
  cpf: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PatientProfile = z.infer<typeof patientProfileSchema>;
