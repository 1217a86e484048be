import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { VALID_CPFS, createAdmin, createDoctor, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

// The race the check cannot see: another request committed the same CPF after this one looked.
// With the look-up blinded, only the unique index stands between the two, and its refusal must
// reach the caller as the same 409 the check gives.
vi.mock(import('./users.repository'), async (importOriginal) => ({ ...(await importOriginal()), findPatientIdByCpf: async () => undefined }));

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

it('a CPF that slips past the check is refused by the unique index as 409 cpf_taken, writing nothing', async () => {
  const adminCookie = await login(t, await createAdmin(t.db));
  const doctor = await createDoctor(t.db);
  const doctorCookie = await login(t, doctor);
  const cpf = VALID_CPFS[0]!;
  const first = await t.request({
    method: 'POST',
    url: '/api/users',
    cookie: adminCookie,
    payload: { role: 'patient', email: 'primeira@example.com', profile: { name: 'Carlos Pereira', cpf }, doctorIds: [] },
  });
  expect(first.statusCode, first.body).toBe(201);

  const second = await t.request({
    method: 'POST',
    url: '/api/patients',
    cookie: doctorCookie,
    payload: { email: 'segunda@example.com', profile: { name: 'Paulo Ribeiro', cpf } },
  });
  expect(second.statusCode, second.body).toBe(409);
  expect(second.json().error).toEqual({
    code: 'cpf_taken',
    message: 'Já existe um paciente com este CPF.',
    fields: { 'profile.cpf': expect.stringMatching(/Já existe um paciente com este CPF/) },
  });
  // The whole transaction rolled back: no account without its profile.
  expect(await t.db.selectFrom('users').select('id').where('email', '=', 'segunda@example.com').executeTakeFirst()).toBeUndefined();
});
