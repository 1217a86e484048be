import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type ReceivedMail, startFakeSmtp } from '#tests/helpers/fake-smtp.ts';
import { type ClientSocket, connectSocket, nextEvent } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { hashToken } from '#server/lib/tokens.ts';
import { FORGOT_PER_EMAIL_PER_HOUR, FORGOT_PER_IP_PER_HOUR } from './password-reset.service';

/** The SMTP server answers each command after 150 ms, like a slow provider: a request that waited for it would show. */
const SMTP_DELAY_MS = 150;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let t: TestApp;
let url: string;
let adminCookie: string;
const sockets: ClientSocket[] = [];
let ipSeq = 0;

beforeAll(async () => {
  smtp = await startFakeSmtp(SMTP_DELAY_MS);
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', SMTP_URL: smtp.url });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
  await smtp.close();
});

const NEW_PASSWORD = 'uma-senha-nova-bem-longa';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Each test speaks from its own address, so the per-IP limit of one test does not leak into another. */
const freshIp = () => `10.9.0.${++ipSeq}`;
const forgot = (email: string, ip = freshIp()) => t.request({ method: 'POST', url: '/api/auth/forgot-password', payload: { email }, remoteAddress: ip });
const info = (token: string) => t.request({ method: 'GET', url: `/api/password-resets/${token}` });
const complete = (token: string, password = NEW_PASSWORD) => t.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password } });
const me = async (cookie: string) => (await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode;

/** The token in an e-mail: the body is quoted-printable, which may wrap the link and encode "=". */
function tokenInMail(mail: ReceivedMail): string {
  const body = mail.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /\/nova-senha\/([A-Za-z0-9_-]{43})/.exec(body);
  if (!match) throw new Error(`no link in the e-mail: ${body}`);
  return match[1]!;
}
const tokenOf = (link: string) => link.split('/nova-senha/')[1]!;

async function socketFor(cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(url, cookie);
  sockets.push(s);
  return s;
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', userId)
    .where('action', 'like', 'password_reset.%')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.action);
}

describe('Esqueci minha senha (by e-mail)', () => {
  it('e-mails a one-hour link; using it sets the password, ends every session and socket, and signs in', async () => {
    const doctor = await createDoctor(t.db);
    const laptop = await login(t, doctor);
    const socket = await socketFor(laptop);
    const mail = smtp.nextMail();
    const res = await forgot(doctor.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const received = await mail;
    expect(received.to).toEqual([doctor.email]);
    const token = tokenInMail(received);
    // Only the hash is stored, and the link lives one hour.
    const row = await t.db.selectFrom('password_resets').selectAll().where('user_id', '=', doctor.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(60 * 60_000);
    expect(row.created_by).toBeNull();

    expect((await info(token)).json()).toEqual({ name: doctor.name, email: doctor.email });
    const fatal = nextEvent(socket, 'error:fatal');
    const done = await complete(token);
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(doctor.id);
    expect(await fatal).toMatchObject({ code: 'session_ended' });
    expect(await me(laptop)).toBe(401);
    const fresh = done.cookies.find((c) => c.name === 'mc_session')!;
    expect(await me(`mc_session=${fresh.value}`)).toBe(200);
    // The new session keeps its socket: only the old ones were ended.
    const newSocket = await socketFor(`mc_session=${fresh.value}`);
    await sleep(100);
    expect(newSocket.connected).toBe(true);
    await login(t, doctor, NEW_PASSWORD);
    await expect(login(t, doctor, PASSWORD)).rejects.toThrow(/401/);
    expect(await auditActions(doctor.id)).toEqual(['password_reset.requested', 'password_reset.completed']);
  });

  it('gives an unknown e-mail the same answer, in about the same time, and sends nothing', async () => {
    const patient = await createPatient(t.db);
    const timed = async (email: string) => {
      const start = performance.now();
      const res = await forgot(email);
      return { ms: performance.now() - start, status: res.statusCode, body: res.body };
    };
    const known = [] as Awaited<ReturnType<typeof timed>>[];
    const unknown = [] as Awaited<ReturnType<typeof timed>>[];
    for (let i = 0; i < 3; i++) {
      known.push(await timed(patient.email));
      unknown.push(await timed(`ninguem-${i}@example.com`));
    }
    for (const r of [...known, ...unknown]) expect(r).toMatchObject({ status: 200, body: '{"ok":true}' });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // A request that waited for the slow SMTP server (several 150 ms round trips) would stand out.
    expect(median(known.map((r) => r.ms))).toBeLessThan(median(unknown.map((r) => r.ms)) + SMTP_DELAY_MS);
    await sleep(SMTP_DELAY_MS * 12);
    const sentTo = smtp.mails.flatMap((m) => m.to);
    expect(sentTo.filter((to) => to.startsWith('ninguem-'))).toEqual([]);
    expect(sentTo.filter((to) => to === patient.email)).toHaveLength(3);
  });

  it('sends nothing to a deactivated account, with the same answer', async () => {
    const patient = await createPatient(t.db, { status: 'inactive' });
    const res = await forgot(patient.email);
    expect(res.json()).toEqual({ ok: true });
    await sleep(SMTP_DELAY_MS * 8);
    expect(smtp.mails.flatMap((m) => m.to)).not.toContain(patient.email);
    expect(await t.db.selectFrom('password_resets').select('id').where('user_id', '=', patient.id).execute()).toEqual([]);
  });

  it('throttles per typed e-mail, known or not, before looking anything up', async () => {
    const patient = await createPatient(t.db);
    for (const email of [patient.email, 'nao-existe@example.com']) {
      for (let i = 0; i < FORGOT_PER_EMAIL_PER_HOUR; i++) expect((await forgot(email)).statusCode).toBe(200);
      const blocked = await forgot(email);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('too_many_attempts');
    }
    await sleep(SMTP_DELAY_MS * 12);
    expect(smtp.mails.flatMap((m) => m.to).filter((to) => to === patient.email)).toHaveLength(FORGOT_PER_EMAIL_PER_HOUR);
  });

  it('throttles per IP across different e-mails', async () => {
    const ip = freshIp();
    for (let i = 0; i < FORGOT_PER_IP_PER_HOUR; i++) expect((await forgot(`pessoa-${i}@example.com`, ip)).statusCode).toBe(200);
    expect((await forgot('mais-uma@example.com', ip)).statusCode).toBe(429);
    expect((await forgot('mais-uma@example.com')).statusCode).toBe(200);
  });

  it('refuses a malformed e-mail and a foreign origin', async () => {
    expect((await forgot('isto-nao-e-email')).statusCode).toBe(400);
    const foreign = await t.request({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: 'a@example.com' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('tells the login page that e-mailed links exist here', async () => {
    expect((await t.request({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({ passwordResetByEmail: true });
  });
});

describe('Gerar link para nova senha', () => {
  it('the admin generates a 24-hour link for any active person; the link works once', async () => {
    const patient = await createPatient(t.db);
    const res = await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie });
    expect(res.statusCode).toBe(200);
    const { url: link, expiresAt } = res.json() as { url: string; expiresAt: string };
    expect(link).toMatch(/^http:\/\/localhost(:80)?\/nova-senha\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect((await complete(tokenOf(link))).statusCode).toBe(200);
    const again = await complete(tokenOf(link), 'outra-senha-qualquer-1');
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('reset_used');
    expect((await info(tokenOf(link))).statusCode).toBe(410);
    await login(t, patient, NEW_PASSWORD);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', patient.id)
      .where('action', '=', 'password_reset.generated')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the doctor generates one for their own patient, and is refused for anyone else', async () => {
    const doctor = await createDoctor(t.db);
    const other = await createDoctor(t.db);
    const own = await createPatient(t.db, { doctors: [doctor] });
    const foreign = await createPatient(t.db, { doctors: [other] });
    const cookie = await login(t, doctor);
    const gen = (id: string, c: string | null = cookie) =>
      t.request({ method: 'POST', url: `/api/patients/${id}/password-reset-link`, cookie: c ?? undefined });
    expect((await gen(own.id)).statusCode).toBe(200);
    for (const id of [foreign.id, other.id, doctor.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await gen(id);
      expect(res.statusCode, id).toBe(404);
    }
    // Through the admin's route the doctor has no permission at all.
    expect((await t.request({ method: 'POST', url: `/api/users/${own.id}/password-reset-link`, cookie })).statusCode).toBe(403);
    // A patient and an anonymous visitor cannot generate links.
    const patientCookie = await login(t, own);
    expect((await gen(own.id, patientCookie)).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/users/${own.id}/password-reset-link`, cookie: patientCookie })).statusCode).toBe(403);
    expect((await gen(own.id, null)).statusCode).toBe(401);
    // A foreign page cannot make the doctor's browser generate one.
    expect(
      (await t.request({ method: 'POST', url: `/api/patients/${own.id}/password-reset-link`, cookie, headers: { origin: 'https://evil.example' } })).statusCode,
    ).toBe(403);
    expect(await t.db.selectFrom('password_resets').select('id').where('user_id', '=', foreign.id).execute()).toEqual([]);
  });

  it('refuses a deactivated person and the admin themselves', async () => {
    const inactive = await createDoctor(t.db, { status: 'inactive' });
    const res = await t.request({ method: 'POST', url: `/api/users/${inactive.id}/password-reset-link`, cookie: adminCookie });
    expect(res.statusCode).toBe(409);
    const admin = await createAdmin(t.db);
    const own = await login(t, admin);
    expect((await t.request({ method: 'POST', url: `/api/users/${admin.id}/password-reset-link`, cookie: own })).statusCode).toBe(404);
  });

  it('a new link replaces the previous one; a completed reset closes the others and the open invite', async () => {
    const patient = await createPatient(t.db, { activated: false });
    await t.request({ method: 'POST', url: `/api/users/${patient.id}/invite`, cookie: adminCookie });
    const first = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    const second = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    expect((await complete(first)).json().error.code).toBe('reset_invalid');
    expect((await complete(second)).statusCode).toBe(200);
    const open = await t.db
      .selectFrom('invites')
      .select('id')
      .where('user_id', '=', patient.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('refuses an expired, an unknown and a malformed token, and a short password', async () => {
    const patient = await createPatient(t.db);
    const token = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    const short = await complete(token, 'curta');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.password).toBe('A senha precisa ter pelo menos 10 caracteres.');
    await t.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', patient.id)
      .execute();
    for (const res of [await complete(token), await info(token)]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('reset_expired');
    }
    expect((await complete('c'.repeat(43))).statusCode).toBe(404);
    expect((await complete('mal-formado')).statusCode).toBe(400);
    await login(t, patient);
  });

  it('signs out whoever else was signed in on that browser', async () => {
    const patient = await createPatient(t.db);
    const other = await createDoctor(t.db);
    const otherCookie = await login(t, other);
    const token = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    const res = await t.request({ method: 'POST', url: `/api/password-resets/${token}`, payload: { password: NEW_PASSWORD }, cookie: otherCookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(patient.id);
    expect(await me(otherCookie)).toBe(401);
  });

  it('lets exactly one of two simultaneous uses win', async () => {
    const patient = await createPatient(t.db);
    const token = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    const results = await Promise.all([complete(token, 'primeira-senha-1'), complete(token, 'segunda-senha-2')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
  });

  it('stops working when the person is deactivated', async () => {
    const patient = await createPatient(t.db);
    const token = tokenOf((await t.request({ method: 'POST', url: `/api/users/${patient.id}/password-reset-link`, cookie: adminCookie })).json().url);
    await t.request({ method: 'POST', url: `/api/users/${patient.id}/deactivate`, cookie: adminCookie });
    expect((await complete(token)).statusCode).toBe(404);
  });
});

describe('without SMTP', () => {
  it('answers the same and the login page learns there is no e-mailed link', async () => {
    const bare = await createTestApp();
    try {
      const patient = await createPatient(bare.db);
      const res = await bare.request({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: patient.email } });
      expect(res.json()).toEqual({ ok: true });
      expect((await bare.request({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({ passwordResetByEmail: false });
      expect(await bare.db.selectFrom('password_resets').select('id').execute()).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
