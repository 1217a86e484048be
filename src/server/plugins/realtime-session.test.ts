import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type ClientSocket, connectSocket, nextEvent, request } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';

/** Sockets end with their session: logout, deactivation, password change, expiry. */
let t: TestApp;
let url: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function socketFor(cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(url, cookie);
  sockets.push(s);
  return s;
}

/** Resolves with the reason once the server closes the socket, after its error:fatal. */
async function endedBy(socket: ClientSocket, act: () => Promise<unknown>): Promise<{ fatal: unknown; reason: string }> {
  const fatal = nextEvent(socket, 'error:fatal');
  const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
  await act();
  return { fatal: await fatal, reason: await reason };
}

const SESSION_ENDED = { code: 'session_ended', message: 'Sua sessão terminou. Entre de novo para continuar.' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A refused reconnect: the cookie no longer opens a socket. */
async function refusedWith(cookie: string): Promise<string> {
  return connectSocket(url, cookie).then(
    (s) => {
      s.close();
      return 'connected';
    },
    (err: Error) => err.message,
  );
}

describe('a session that ends takes its sockets with it', () => {
  it("logout closes that session's sockets at once and leaves the person's other sessions connected", async () => {
    const doctor = await createDoctor(t.db);
    const laptop = await login(t, doctor);
    const phone = await login(t, doctor);
    const [a, b] = [await socketFor(laptop), await socketFor(laptop)];
    const other = await socketFor(phone);
    const ends = Promise.all([endedBy(a, async () => undefined), endedBy(b, async () => undefined)]);
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie: laptop })).statusCode).toBe(200);
    expect(await ends).toEqual([
      { fatal: SESSION_ENDED, reason: 'io server disconnect' },
      { fatal: SESSION_ENDED, reason: 'io server disconnect' },
    ]);
    await sleep(100);
    expect(other.connected).toBe(true);
    expect(await refusedWith(laptop)).toBe('unauthenticated');
  });

  it('deactivation closes every socket of the person; a deactivated doctor can no longer join, chat or finalize', async () => {
    const admin = await login(t, await createAdmin(t.db));
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const doctorCookie = await login(t, doctor);
    const patientCookie = await login(t, patient);
    await t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } });
    const room = await t.request({ method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId: patient.id } });
    const code = room.json().code as string;
    const doctorSocket = await socketFor(doctorCookie);
    const patientSocket = await socketFor(patientCookie);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
    const ended = await endedBy(doctorSocket, () => t.request({ method: 'POST', url: `/api/users/${doctor.id}/deactivate`, cookie: admin }));
    expect(ended).toEqual({ fatal: SESSION_ENDED, reason: 'io server disconnect' });
    expect(await refusedWith(doctorCookie)).toBe('unauthenticated');
    // The patient's connection is untouched and the room stays open, with no consultation.
    expect(patientSocket.connected).toBe(true);
    const row = await t.db.selectFrom('rooms').select('status').where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });

  it("a password change closes the sockets of the person's other sessions and keeps this one's", async () => {
    const patient = await createPatient(t.db);
    const here = await login(t, patient);
    const elsewhere = await login(t, patient);
    const mine = await socketFor(here);
    const theirs = await socketFor(elsewhere);
    const ended = await endedBy(theirs, () =>
      t.request({ method: 'POST', url: '/api/auth/password', cookie: here, payload: { currentPassword: PASSWORD, newPassword: 'outra-senha-forte-456' } }),
    );
    expect(ended).toEqual({ fatal: SESSION_ENDED, reason: 'io server disconnect' });
    await sleep(100);
    expect(mine.connected).toBe(true);
  });

  it('an expired session is noticed before the next event is handled, and by the sweep for a quiet socket', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const cookie = await login(t, doctor);
    const code = (await t.request({ method: 'POST', url: '/api/rooms', cookie, payload: { patientId: patient.id } })).json().code as string;
    const busy = await socketFor(cookie);
    const quiet = await socketFor(cookie);
    expect(await request(busy, 'room:join', { code })).toMatchObject({ ok: true });
    // The session runs out (absolute expiry) without anyone being told.
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', doctor.id)
      .execute();
    // Pretend the last check was long ago, as it would be 5 s later.
    for (const s of await t.app.realtime.io.fetchSockets()) if (s.data.user.id === doctor.id) s.data.checkedAt = 0;
    const acks: unknown[] = [];
    const ended = await endedBy(busy, async () => {
      busy.emit('chat:send', { code, text: 'depois de expirar' }, (r) => acks.push(r));
    });
    expect(ended).toEqual({ fatal: SESSION_ENDED, reason: 'io server disconnect' });
    expect(acks).toEqual([]);
    const chat = await t.db.selectFrom('chat_messages').select('text').where('from_user_id', '=', doctor.id).execute();
    expect(chat).toEqual([]);

    expect(quiet.connected).toBe(true);
    expect(await endedBy(quiet, () => t.app.realtime.revalidateSessions())).toEqual({ fatal: SESSION_ENDED, reason: 'io server disconnect' });
  });

  it('idle expiry counts too, for the sweep', async () => {
    const patient = await createPatient(t.db);
    const cookie = await login(t, patient);
    const s = await socketFor(cookie);
    const idleSince = new Date(Date.now() - t.config.session.idleMs - 1000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: idleSince }).where('user_id', '=', patient.id).execute();
    expect(await endedBy(s, () => t.app.realtime.revalidateSessions())).toEqual({ fatal: SESSION_ENDED, reason: 'io server disconnect' });
  });

  it('refuses a handshake that was already past its session check when the session ended', async () => {
    const doctor = await createDoctor(t.db);
    const cookie = await login(t, doctor);
    const { id: sessionId } = await t.db.selectFrom('sessions').select('id').where('user_id', '=', doctor.id).executeTakeFirstOrThrow();
    // The end is announced while the database still holds the session, as when a handshake's
    // lookup finished a moment before the logout deleted it.
    t.app.realtime.endSession(sessionId);
    expect(await refusedWith(cookie)).toBe('unauthenticated');
    // A deactivation reaches every session begun before it, but not one begun after (a reactivated person logging in again).
    const patient = await createPatient(t.db);
    const before = await login(t, patient);
    t.app.realtime.endUserSessions(patient.id);
    await sleep(5);
    const after = await login(t, patient);
    expect(await refusedWith(before)).toBe('unauthenticated');
    expect(await refusedWith(after)).toBe('connected');
  });

  it('counts being in a consultation room as use, so a quiet call outlives the idle expiry', async () => {
    const doctor = await createDoctor(t.db);
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const inCall = await login(t, doctor);
    const code = (await t.request({ method: 'POST', url: '/api/rooms', cookie: inCall, payload: { patientId: patient.id } })).json().code as string;
    const s = await socketFor(inCall);
    expect(await request(s, 'room:join', { code })).toMatchObject({ ok: true });
    const browsing = await login(t, patient);
    await socketFor(browsing);
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: fiveMinutesAgo }).where('user_id', 'in', [doctor.id, patient.id]).execute();
    await t.app.realtime.revalidateSessions();
    const seen = async (userId: string) =>
      (await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', userId).executeTakeFirstOrThrow()).last_seen_at;
    expect(Date.parse(await seen(doctor.id))).toBeGreaterThan(Date.now() - 10_000);
    expect(await seen(patient.id)).toBe(fiveMinutesAgo);
    expect(s.connected).toBe(true);
  });
});

describe('the per-session socket count', () => {
  it('does not keep counting connections that closed while their session was being looked up', async () => {
    const patient = await createPatient(t.db);
    const cookie = await login(t, patient);
    const post = (sid: string, body: string) =>
      fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'text/plain' }, body });
    for (let i = 0; i < 5; i += 1) {
      const open = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie } });
      const sid = (JSON.parse((await open.text()).slice(1)) as { sid: string }).sid;
      // Join the namespace and close at once, in one request: the close lands mid-lookup.
      await post(sid, '40\x1e1');
    }
    await sleep(200);
    const s = await socketFor(cookie);
    expect(s.connected).toBe(true);
  });
});
