import { describe, expect, it } from 'vitest';
import { createUserInputSchema } from '#shared/schemas/users.ts';
import { ApiError } from './api-error';
import { fieldErrorsFromApi, fieldErrorsFromIssues, fieldKey } from './form-errors';

describe('fieldKey', () => {
  it('maps nested profile paths and array items to the form field', () => {
    expect(fieldKey(['profile', 'pixKey'])).toBe('pixKey');
    expect(fieldKey('profile.crmNumber')).toBe('crmNumber');
    expect(fieldKey(['doctorIds', 0])).toBe('doctorIds');
    expect(fieldKey('email')).toBe('email');
    expect(fieldKey([])).toBe('_');
  });
});

describe('fieldErrorsFromIssues', () => {
  it('keeps the first message of each field from a real schema', () => {
    const parsed = createUserInputSchema.safeParse({
      role: 'doctor',
      email: 'not-an-email',
      profile: { name: 'Ana Souza', crmNumber: 'abc', crmUf: '', specialty: 'Cardiologia', pixKeyType: 'cpf', pixKey: '111' },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrorsFromIssues(parsed.error.issues);
    expect(errors.email).toMatch(/E-mail inválido/);
    expect(errors.crmNumber).toBeTruthy();
    expect(errors.crmUf).toBe('Escolha a UF do CRM.');
    expect(errors.name).toBeUndefined();
  });
});

describe('fieldErrorsFromApi', () => {
  it('reads the server fields with the same keys as the form', () => {
    const error = new ApiError(409, 'email_taken', 'Este e-mail já está em uso.', { email: 'Já existe.', 'profile.pixKey': 'Chave inválida.' });
    expect(fieldErrorsFromApi(error)).toEqual({ email: 'Já existe.', pixKey: 'Chave inválida.' });
    expect(fieldErrorsFromApi(new Error('x'))).toEqual({});
  });
});
