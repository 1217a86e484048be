import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { PASSWORD, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_IP_LIMIT_PER_MINUTE: '1000' });
});
afterAll(async () => t.close());

describe('login', () => {
  it('logs in with the right password, sets an httpOnly SameSite=Lax cookie and returns the person', async () => {
    const doctor = await createDoctor(t.db);
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email.toUpperCase(), password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: doctor.id, role: 'doctor' });
    expect(res.json().doctor).toMatchObject({ crmUf: 'SP' });
    const cookie = res.cookies.find((c) => c.name === 'mc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie: `mc_session=${cookie.value}` });
    expect(me.json().user.id).toBe(doctor.id);
  });

  it('stores only a hash of the session token', async () => {
    const admin = await createAdmin(t.db);
    const cookie = await login(t, admin);
    const token = cookie.split('=')[1]!;
    const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', admin.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a new token on every login', async () => {
    const admin = await createAdmin(t.db);
    expect(await login(t, admin)).not.toBe(await login(t, admin));
  });

  it('answers a wrong password and an unknown email with the same message', async () => {
    const patient = await createPatient(t.db);
    const wrong = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: patient.email, password: 'nao-e-essa-senha' } });
    const unknown = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'ninguem@example.com', password: 'nao-e-essa-senha' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('E-mail ou senha incorretos.');
  });

  it('spends similar time on unknown emails as on known ones (argon2 either way)', async () => {
    const patient = await createPatient(t.db);
    const time = async (email: string) => {
      const start = performance.now();
      await t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'nao-e-essa-senha' } });
      return performance.now() - start;
    };
    await time('aquecimento@example.com');
    const fastest = async (emails: string[]) => {
      const times: number[] = [];
      for (const email of emails) times.push(await time(email));
      return Math.min(...times);
    };
    const known = await fastest([patient.email, patient.email, patient.email]);
    const unknown = await fastest(['x1@example.com', 'x2@example.com', 'x3@example.com']);
    // Not a benchmark: only that an unknown email also pays for a hash. A skipped hash answers
    // ~100x faster, so a tenth leaves room for a busy machine without hiding that mistake.
    expect(unknown).toBeGreaterThan(known / 10);
  });

  it('locks the account after repeated failures, even for the right password, without revealing whether it exists', async () => {
    const patient = await createPatient(t.db);
    for (let i = 0; i < 3; i++) {
      await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: patient.email, password: 'errada-errada' } });
      await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'fantasma@example.com', password: 'errada-errada' } });
    }
    const locked = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: patient.email, password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(locked.json().error.message).toMatch(/aguarde \d+ minutos?/);
    const ghost = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'fantasma@example.com', password: 'x' } });
    expect(ghost.statusCode).toBe(429);
  });

  it('counts concurrent wrong guesses before checking them: only LOGIN_MAX_FAILURES reach the password check', async () => {
    const patient = await createPatient(t.db);
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.request({ method: 'POST', url: '/api/auth/login', payload: { email: patient.email, password: `chute-errado-${i}` } }),
      ),
    );
    const codes = guesses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(57);
    // Each password check that failed leaves one audit row: three, not sixty.
    const failed = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'login.failed').where('entity_id', '=', patient.id).execute();
    expect(failed).toHaveLength(3);
  });

  it('clears the count on a successful login', async () => {
    const doctor = await createDoctor(t.db);
    for (let i = 0; i < 2; i++) await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email, password: 'errada-errada' } });
    await login(t, doctor);
    const codes = [];
    for (let i = 0; i < 3; i++)
      codes.push((await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email, password: 'errada-errada' } })).statusCode);
    expect(codes).toEqual([401, 401, 401]);
  });

  it('refuses an inactive account with a clear message, only after the right password', async () => {
    const doctor = await createDoctor(t.db, { status: 'inactive' });
    const right = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email, password: PASSWORD } });
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('account_inactive');
    const wrong = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: doctor.email, password: 'errada-errada' } });
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('refuses an account that has not set its password yet', async () => {
    const patient = await createPatient(t.db, { activated: false });
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: patient.email, password: PASSWORD } });
    expect(res.statusCode).toBe(401);
  });

  it('limits attempts per IP', async () => {
    const limited = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.request({ method: 'POST', url: '/api/auth/login', payload: { email: `p${i}@example.com`, password: 'qualquer-uma' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('rejects malformed input with 400 and field messages', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'não é email', password: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['email', 'password']));
    const json = await t.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('invalid_json');
  });
});

describe('session', () => {
  it('rejects a missing or forged cookie', async () => {
    expect((await t.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = await t.request({ method: 'GET', url: '/api/auth/me', cookie: `mc_session=${'A'.repeat(43)}` });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('unauthenticated');
    const garbage = await t.request({ method: 'GET', url: '/api/auth/me', cookie: 'mc_session=<script>' });
    expect(garbage.statusCode).toBe(401);
  });

  it('logout deletes the session', async () => {
    const admin = await createAdmin(t.db);
    const cookie = await login(t, admin);
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', admin.id).execute()).toHaveLength(0);
  });

  it('expires an idle session and one past its absolute expiry', async () => {
    const admin = await createAdmin(t.db);
    const idle = await login(t, admin);
    await t.db.updateTable('sessions').set({ last_seen_at: '2000-01-01T00:00:00.000Z' }).where('user_id', '=', admin.id).execute();
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: idle })).statusCode).toBe(401);
    const old = await login(t, admin);
    await t.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('user_id', '=', admin.id).execute();
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: old })).statusCode).toBe(401);
  });

  it('ends the sessions of a person who is deactivated', async () => {
    const admin = await createAdmin(t.db);
    const doctor = await createDoctor(t.db);
    const doctorCookie = await login(t, doctor);
    const adminCookie = await login(t, admin);
    const res = await t.request({ method: 'POST', url: `/api/users/${doctor.id}/deactivate`, cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: doctorCookie })).statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('needs the current password, then signs out other sessions but keeps this one', async () => {
    const patient = await createPatient(t.db);
    const here = await login(t, patient);
    const elsewhere = await login(t, patient);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: here,
      payload: { currentPassword: 'errada-errada', newPassword: 'uma-senha-nova-1' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBeDefined();
    const short = await t.request({ method: 'POST', url: '/api/auth/password', cookie: here, payload: { currentPassword: PASSWORD, newPassword: 'curta' } });
    expect(short.statusCode).toBe(400);
    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      cookie: here,
      payload: { currentPassword: PASSWORD, newPassword: 'uma-senha-nova-1' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: here })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: elsewhere })).statusCode).toBe(401);
    await login(t, patient, 'uma-senha-nova-1');
  });

  it('counts wrong current passwords like login failures and ends the session that keeps guessing', async () => {
    const patient = await createPatient(t.db);
    const stolen = await login(t, patient);
    const own = await login(t, patient);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request({
          method: 'POST',
          url: '/api/auth/password',
          cookie: stolen,
          payload: { currentPassword: `chute-${i}-errado`, newPassword: 'uma-senha-nova-1' },
        }),
      ),
    );
    const codes = guesses.map((r) => r.statusCode);
    // Three reached the password check; the rest were refused before it and ended the session.
    expect(codes.filter((c) => c === 400)).toHaveLength(3);
    expect(codes.filter((c) => c === 401)).toHaveLength(17);
    const ended = guesses.find((r) => r.statusCode === 401)!;
    expect(ended.json().error).toEqual({
      code: 'password_guesses',
      message: 'Muitas tentativas com a senha atual errada. Por segurança, você saiu da conta. Entre de novo.',
    });
    expect(ended.cookies.find((c) => c.name === 'mc_session')?.value).toBe('');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: stolen })).statusCode).toBe(401);
    // The person's own session on another device is not punished, and the password did not change.
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: own })).statusCode).toBe(200);
    await login(t, patient);
  });
});
