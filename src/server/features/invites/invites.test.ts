import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { UserRow } from '#server/db/types.ts';

let t: TestApp;
let adminCookie: string;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => t.close());

const NEW_PASSWORD = 'minha-senha-nova-1';

/** A patient who has not set a password, and the token of the invite the admin sent them. */
async function invited(o: { name?: string } = {}): Promise<{ user: UserRow; token: string }> {
  const user = await createPatient(t.db, { activated: false, ...o });
  const res = await t.request({ method: 'POST', url: `/api/users/${user.id}/invite`, cookie: adminCookie });
  expect(res.statusCode).toBe(200);
  return { user, token: res.json().url.split('/convite/')[1] };
}

const accept = (token: string, password = NEW_PASSWORD) => t.request({ method: 'POST', url: `/api/invites/${token}/accept`, payload: { password } });
const passwordHashOf = async (id: string) =>
  (await t.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

describe('GET /api/invites/:token', () => {
  it('tells who the invite is for', async () => {
    const { user, token } = await invited({ name: 'Joana Dárc Lima' });
    const res = await t.request({ method: 'GET', url: `/api/invites/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Joana Dárc Lima', email: user.email, role: 'patient' });
  });

  it('answers 404 for an unknown token and 400 for a malformed one', async () => {
    const unknown = await t.request({ method: 'GET', url: `/api/invites/${'a'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('invite_invalid');
    for (const token of ['curto', 'com%20espaco-e-mais-coisas-aqui', 'a.b.c.d.e.f.g.h.i.j.k.l.m.n']) {
      const res = await t.request({ method: 'GET', url: `/api/invites/${token}` });
      expect(res.statusCode, token).toBe(400);
      expect(res.json().error.fields.token).toBe('Link de convite inválido.');
    }
    // Longer than Fastify's maxParamLength (100): the router refuses it before our handler runs.
    expect((await t.request({ method: 'GET', url: `/api/invites/${'x'.repeat(500)}` })).statusCode).toBe(414);
  });
});

describe('POST /api/invites/:token/accept', () => {
  it('sets the password, signs the person in, and the password then works for login', async () => {
    const { user, token } = await invited();
    const res = await accept(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, role: 'patient' });
    const cookie = res.cookies.find((c) => c.name === 'mc_session');
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.request({ method: 'GET', url: '/api/auth/me', cookie: `mc_session=${cookie!.value}` });
    expect(me.json().user.id).toBe(user.id);
    await login(t, user, NEW_PASSWORD);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).where('action', '=', 'invite.accepted').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a reused invite with 410 invite_used and keeps the first password', async () => {
    const { user, token } = await invited();
    expect((await accept(token)).statusCode).toBe(200);
    const hash = await passwordHashOf(user.id);
    for (const res of [await accept(token, 'outra-senha-qualquer'), await t.request({ method: 'GET', url: `/api/invites/${token}` })]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('invite_used');
    }
    expect(await passwordHashOf(user.id)).toBe(hash);
  });

  it('refuses an expired invite with 410 invite_expired', async () => {
    const { user, token } = await invited();
    await t.db
      .updateTable('invites')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    for (const res of [await accept(token), await t.request({ method: 'GET', url: `/api/invites/${token}` })]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('invite_expired');
    }
    expect(await passwordHashOf(user.id)).toBeNull();
  });

  it('refuses a revoked, an unknown and a malformed token', async () => {
    const { user, token: old } = await invited();
    await t.request({ method: 'POST', url: `/api/users/${user.id}/invite`, cookie: adminCookie });
    const revoked = await accept(old);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.code).toBe('invite_invalid');
    expect((await accept('b'.repeat(43))).statusCode).toBe(404);
    expect((await accept('mal-formado')).statusCode).toBe(400);
    expect(await passwordHashOf(user.id)).toBeNull();
  });

  it('refuses the invite of a deactivated person', async () => {
    const { user, token } = await invited();
    expect((await t.request({ method: 'POST', url: `/api/users/${user.id}/deactivate`, cookie: adminCookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/invites/${token}` })).statusCode).toBe(404);
    const res = await accept(token);
    expect(res.statusCode).toBe(404);
    expect(res.cookies.find((c) => c.name === 'mc_session')).toBeUndefined();
    expect(await passwordHashOf(user.id)).toBeNull();
  });

  it('lets exactly one of two simultaneous accepts win', async () => {
    const { user, token } = await invited();
    const results = await Promise.all([accept(token, 'primeira-senha-1'), accept(token, 'segunda-senha-2')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(results.find((r) => r.statusCode === 410)!.json().error.code).toBe('invite_used');
    const winner = results[0]!.statusCode === 200 ? 'primeira-senha-1' : 'segunda-senha-2';
    await login(t, user, winner);
    const used = await t.db.selectFrom('invites').select('used_at').where('user_id', '=', user.id).where('used_at', 'is not', null).execute();
    expect(used).toHaveLength(1);
  });

  it('refuses a short or missing password with 400 and leaves the invite usable', async () => {
    const { user, token } = await invited();
    const short = await accept(token, 'curta');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.password).toBe('A senha precisa ter pelo menos 10 caracteres.');
    const missing = await t.request({ method: 'POST', url: `/api/invites/${token}/accept`, payload: {} });
    expect(missing.statusCode).toBe(400);
    const long = await accept(token, 'x'.repeat(201));
    expect(long.statusCode).toBe(400);
    expect(await passwordHashOf(user.id)).toBeNull();
    expect((await accept(token)).statusCode).toBe(200);
  });

  it('refuses an accept from a foreign origin', async () => {
    const { user, token } = await invited();
    const res = await t.request({
      method: 'POST',
      url: `/api/invites/${token}/accept`,
      payload: { password: NEW_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('bad_origin');
    expect(await passwordHashOf(user.id)).toBeNull();
  });
});
