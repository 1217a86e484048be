import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes';
import { apiErrorSchema } from './schemas/common';

describe('the shared error codes', () => {
  it('lists each code once, in snake_case', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('are the only codes the error shape accepts', () => {
    expect(
      apiErrorSchema.safeParse({ error: { code: 'validation_error', message: 'Confira os campos destacados.', fields: { email: 'E-mail inválido.' } } })
        .success,
    ).toBe(true);
    // One code for "fields are wrong": the old second spelling is gone.
    expect(apiErrorSchema.safeParse({ error: { code: 'validation', message: 'Campo' } }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ error: { code: 'made_up', message: 'x' } }).success).toBe(false);
  });
});
