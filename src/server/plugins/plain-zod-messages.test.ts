import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

/** The API's field messages are plain Portuguese even where a schema names none (zod's defaults are English). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

describe('validation messages', () => {
  it('asks to fill in a missing field, and keeps a schema its own words', async () => {
    const cookie = await login(t, await createPatient(t.db));
    // acceptConsentInputSchema's `version` has no message of its own.
    const missing = await t.request({ method: 'POST', url: '/api/consent', cookie, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toEqual({ code: 'validation_error', message: 'Confira os campos destacados.', fields: { version: 'Preencha este campo.' } });
    const empty = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: '', password: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ email: 'Informe o e-mail.', password: 'Informe a senha.' });
  });
});
