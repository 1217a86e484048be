import { describe, expect, it } from 'vitest';
import { doctorProfileInputSchema, type DoctorProfile } from '#shared/schemas/profile.ts';
import { doctorValuesFrom, toDoctorProfileInput } from './doctor-values';

const profile: DoctorProfile = {
  crmNumber: '123456',
  crmUf: 'SP',
  rqe: null,
  specialty: 'Cardiologia',
  phone: null,
  pixKeyType: 'phone',
  pixKey: '+5511912345678',
  city: "Sant'Ana do Livramento",
  cityUf: 'RS',
};

describe('doctor form values', () => {
  it('carry the city and its UF to the form and back', () => {
    const values = doctorValuesFrom('Dra. Ana', profile);
    expect(values).toMatchObject({ city: "Sant'Ana do Livramento", cityUf: 'RS', pixKey: '+55 (11) 91234-5678' });
    const parsed = doctorProfileInputSchema.safeParse(toDoctorProfileInput(values));
    expect(parsed.success && parsed.data).toMatchObject({ city: "Sant'Ana do Livramento", cityUf: 'RS', pixKey: '+5511912345678' });
  });

  it('leave both empty when the doctor has no city, which the schema takes as not given', () => {
    const values = doctorValuesFrom('Dra. Ana', { ...profile, city: null, cityUf: null });
    expect(values).toMatchObject({ city: '', cityUf: '' });
    const parsed = doctorProfileInputSchema.safeParse(toDoctorProfileInput(values));
    expect(parsed.success && parsed.data).toMatchObject({ city: undefined, cityUf: undefined });
  });

  it('show the DICT refusal of a landline in plain words', () => {
    const parsed = doctorProfileInputSchema.safeParse(toDoctorProfileInput({ ...doctorValuesFrom('Dra. Ana', profile), pixKey: '(11) 3333-4444' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === 'pixKey')?.message).toMatch(/telefone fixo/);
  });
});
