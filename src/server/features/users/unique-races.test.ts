import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { UNIQUE, isUniqueViolation } from '#server/db/unique-violation.ts';

/**
 * Concurrent writes of the same e-mail or CRM: on PostgreSQL they race past the service's check
 * and meet the unique index, which must read as the same 409 as the check, never a 500.
 */
let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => t.close());

const createUser = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/users', cookie: adminCookie, payload });

describe('concurrent registrations', () => {
  it('of one e-mail: exactly one account, every other answer 409 email_taken', async () => {
    const email = `corrida-${Date.now()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createUser({ role: 'patient', email, profile: { name: `Paciente Corrida ${'x'.repeat(i + 1)}` }, doctorIds: [] })),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.statusCode === 409)) expect(r.json().error.code).toBe('email_taken');
    const rows = await t.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(rows).toHaveLength(1);
  });

  it('of one CRM: exactly one doctor, every other answer 409 crm_taken', async () => {
    const crmNumber = String(700_000 + Math.floor(Math.random() * 99_999));
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createUser({
          role: 'doctor',
          email: `crm-${crmNumber}-${i}@example.com`,
          profile: { name: 'Dra. Corrida Silva', crmNumber, crmUf: 'RJ', specialty: 'Pediatria' },
        }),
      ),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.statusCode === 409)) expect(r.json().error.code).toBe('crm_taken');
  });
});

describe('isUniqueViolation', () => {
  it('recognises each index on the engine under test, and nothing else', async () => {
    const doctor = await createDoctor(t.db);
    const err = await t.db
      .insertInto('users')
      .values({ ...doctor, id: crypto.randomUUID(), search_text: 'x' } as never)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err, UNIQUE.userEmail)).toBe(true);
    expect(isUniqueViolation(err, UNIQUE.doctorCrm)).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: users.email'), UNIQUE.userEmail)).toBe(false);
    expect(isUniqueViolation(null, UNIQUE.userEmail)).toBe(false);
  });
});
