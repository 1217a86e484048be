import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type ClientSocket, Recorder, connectSocket, nextEvent, request } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { JoinResult } from '#shared/realtime/events.ts';
import type { ChatMessage } from '#shared/schemas/rooms.ts';

type Ctx = { t: TestApp; url: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sockets: ClientSocket[] = [];
const apps: Ctx[] = [];

/** An app listening on a random port; closed (with every socket) after the file. */
async function listeningApp(env: Record<string, string> = {}): Promise<Ctx> {
  const t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', ROOM_RECONNECT_GRACE_SECONDS: '1', ...env });
  const ctx = { t, url: await t.app.listen({ port: 0, host: '127.0.0.1' }) };
  apps.push(ctx);
  return ctx;
}

let main: Ctx;
let t: TestApp;
let url: string;

beforeAll(async () => {
  main = await listeningApp();
  ({ t, url } = main);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const a of apps) await a.t.close();
});

async function socketFor(cookie: string, ctx: Ctx = main, origin?: string): Promise<ClientSocket> {
  const s = await connectSocket(ctx.url, cookie, origin ?? ctx.url);
  sockets.push(s);
  return s;
}

/** A doctor, their consenting patient and an open room, with logged-in cookies. */
async function roomWithPeople(ctx: Ctx = main, o: { consent?: boolean } = {}) {
  const doctor = await createDoctor(ctx.t.db);
  const patient = await createPatient(ctx.t.db, { doctors: [doctor] });
  const doctorCookie = await login(ctx.t, doctor);
  const patientCookie = await login(ctx.t, patient);
  const res = await ctx.t.request({ method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId: patient.id, reason: 'Retorno' } });
  expect(res.statusCode).toBe(201);
  if (o.consent !== false) {
    const consent = await ctx.t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } });
    expect(consent.statusCode).toBe(200);
  }
  return { doctor, patient, doctorCookie, patientCookie, code: res.json().code as string };
}

type Pair = Awaited<ReturnType<typeof roomWithPeople>> & {
  ctx: Ctx;
  doctorSocket: ClientSocket;
  patientSocket: ClientSocket;
  d: Recorder;
  p: Recorder;
};

/** Both members joined, the patient admitted, and the first-offer roles handed out. */
async function livePair(ctx: Ctx = main): Promise<Pair> {
  const people = await roomWithPeople(ctx);
  const { code } = people;
  const doctorSocket = await socketFor(people.doctorCookie, ctx);
  const patientSocket = await socketFor(people.patientCookie, ctx);
  const d = new Recorder(doctorSocket);
  const p = new Recorder(patientSocket);
  expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
  expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: false } });
  expect(await request(doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
  await Promise.all([d.waitFor('call:start', { initiator: true }), p.waitFor('call:start', { initiator: false })]);
  return { ...people, ctx, doctorSocket, patientSocket, d, p };
}

/** A signal each way arrives at the peer, from the right sender, untouched. */
async function expectRelay(pair: Pair, doctorSocket = pair.doctorSocket): Promise<void> {
  const { code } = pair;
  const dm = pair.d.mark();
  const pm = pair.p.mark();
  const one = `candidate:${randomUUID()} 1 udp 2122260223 192.0.2.1 54400 typ host`;
  const two = `candidate:${randomUUID()} 1 udp 2122260223 192.0.2.2 54401 typ host`;
  expect(await request(doctorSocket, 'signal', { code, candidate: { candidate: one, sdpMid: '0', sdpMLineIndex: 0 } })).toEqual({ ok: true, data: null });
  expect(await pair.p.waitFor('signal', {}, pm)).toEqual({ code, from: pair.doctor.id, candidate: { candidate: one, sdpMid: '0', sdpMLineIndex: 0 } });
  expect(await request(pair.patientSocket, 'signal', { code, candidate: { candidate: two, sdpMid: '0', sdpMLineIndex: 0 } })).toEqual({ ok: true, data: null });
  expect(await pair.d.waitFor('signal', {}, dm)).toEqual({ code, from: pair.patient.id, candidate: { candidate: two, sdpMid: '0', sdpMLineIndex: 0 } });
}

/**
 * Nothing reached either member since the marks, and the call still relays: the only events
 * after the marks are the two relay signals.
 */
async function expectUnaffected(pair: Pair, marks: { d: number; p: number }): Promise<void> {
  await expectRelay(pair);
  expect(pair.d.since(marks.d).map((e) => e.name)).toEqual(['signal']);
  expect(pair.p.since(marks.p).map((e) => e.name)).toEqual(['signal']);
}

const marksOf = (pair: Pair) => ({ d: pair.d.mark(), p: pair.p.mark() });

function disconnected(socket: ClientSocket, timeoutMs = 3000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function chatRows(ctx: Ctx, code: string) {
  return ctx.t.db
    .selectFrom('chat_messages')
    .innerJoin('rooms', 'rooms.id', 'chat_messages.room_id')
    .select(['chat_messages.from_user_id', 'chat_messages.text'])
    .where('rooms.code', '=', code)
    .orderBy('chat_messages.sent_at')
    .execute();
}

async function consultationsOf(ctx: Ctx, code: string) {
  return ctx.t.db
    .selectFrom('consultations')
    .innerJoin('rooms', 'rooms.id', 'consultations.room_id')
    .select(['consultations.id', 'consultations.ended_at', 'consultations.duration_seconds', 'consultations.finalized_by', 'rooms.status'])
    .where('rooms.code', '=', code)
    .execute();
}

describe('a call through the signaling server', () => {
  it('waits, admits, tells the first-comer to offer, relays signals and records one consultation', async () => {
    const { doctorCookie, patientCookie, code, patient } = await roomWithPeople();
    const doctor = await socketFor(doctorCookie);
    const joinedDoctor = await request<{ role: string; admitted: boolean }>(doctor, 'room:join', { code });
    expect(joinedDoctor).toMatchObject({ ok: true, data: { role: 'doctor', admitted: true } });

    const patientSocket = await socketFor(patientCookie);
    const waiting = nextEvent(doctor, 'presence');
    const joinedPatient = await request<{ role: string; admitted: boolean }>(patientSocket, 'room:join', { code });
    expect(joinedPatient).toMatchObject({ ok: true, data: { role: 'patient', admitted: false } });
    expect(await waiting).toMatchObject({ userId: patient.id, state: 'waiting' });

    // A waiting patient cannot signal yet.
    expect(await request(patientSocket, 'signal', { code, description: { type: 'offer', sdp: 'v=0' } })).toMatchObject({
      ok: false,
      error: { code: 'not_in_call' },
    });

    const admitted = nextEvent(patientSocket, 'room:admitted');
    const doctorStart = nextEvent(doctor, 'call:start');
    const patientStart = nextEvent(patientSocket, 'call:start');
    expect(await request(doctor, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await admitted;
    expect(await doctorStart).toEqual({ code, initiator: true });
    expect(await patientStart).toEqual({ code, initiator: false });

    const offer = nextEvent(patientSocket, 'signal');
    await request(doctor, 'signal', { code, description: { type: 'offer', sdp: 'v=0 offer' } });
    expect(await offer).toMatchObject({ code, description: { type: 'offer', sdp: 'v=0 offer' } });

    expect(await request(doctor, 'call:connected', { code })).toEqual({ ok: true, data: { startedAt: null } });
    const started = nextEvent(doctor, 'consultation:started');
    const both = await request<{ startedAt: string }>(patientSocket, 'call:connected', { code });
    expect(both.ok && both.data.startedAt).toBeTruthy();
    expect((await started).startedAt).toBe(both.ok && both.data.startedAt);

    const closed = nextEvent(patientSocket, 'room:closed');
    const [a, b] = await Promise.all([request(doctor, 'room:finalize', { code }), request(doctor, 'room:finalize', { code })]);
    expect(a.ok && b.ok).toBe(true);
    expect(await closed).toEqual({ code, reason: 'finalized' });
    const rows = await t.db
      .selectFrom('consultations')
      .innerJoin('rooms', 'rooms.id', 'consultations.room_id')
      .select(['consultations.ended_at', 'rooms.status'])
      .where('rooms.code', '=', code)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'finished' });
    expect(rows[0]!.ended_at).toBeTruthy();
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
  });
});

describe('refused connections', () => {
  it('refuses a socket without a session cookie, with a forged one, or from another origin', async () => {
    const pair = await livePair();
    const marks = marksOf(pair);
    await expect(connectSocket(url, undefined)).rejects.toThrow('unauthenticated');
    await expect(connectSocket(url, `mc_session=${randomBytes(32).toString('base64url')}`)).rejects.toThrow('unauthenticated');
    await expect(connectSocket(url, 'mc_session=not-even-the-right-shape')).rejects.toThrow('unauthenticated');
    await expect(connectSocket(url, 'other_cookie=1')).rejects.toThrow('unauthenticated');
    // A cross-site page cannot open a socket with the user's real cookie.
    await expect(connectSocket(url, pair.doctorCookie, 'https://evil.example')).rejects.toThrow();
    await expect(connectSocket(url, pair.patientCookie, url.replace('127.0.0.1', 'localhost'))).rejects.toThrow();
    await expectUnaffected(pair, marks);
  });
});

describe('refused joins', () => {
  it('answers a non-member doctor or patient with no_access, the same as an unknown code', async () => {
    const pair = await livePair();
    const outsiderDoctor = await createDoctor(t.db);
    const outsiderPatient = await createPatient(t.db, { doctors: [outsiderDoctor] });
    const patientCookie = await login(t, outsiderPatient);
    await t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } });
    const marks = marksOf(pair);
    for (const cookie of [await login(t, outsiderDoctor), patientCookie]) {
      const s = await socketFor(cookie);
      const member = await request(s, 'room:join', { code: pair.code });
      const unknown = await request(s, 'room:join', { code: 'AAAAAAAAAAAAAAAAAAAAAA' });
      expect(member).toMatchObject({ ok: false, error: { code: 'no_access' } });
      expect(member).toEqual(unknown);
      // Not having joined, it cannot relay anything into the room either.
      expect(await request(s, 'signal', { code: pair.code, description: { type: 'offer', sdp: 'v=0' } })).toMatchObject({
        ok: false,
        error: { code: 'not_joined' },
      });
      expect(await request(s, 'chat:send', { code: pair.code, text: 'olá' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await request(s, 'room:admit', { code: pair.code })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await request(s, 'room:finalize', { code: pair.code })).toMatchObject({ ok: false, error: { code: 'no_access' } });
    }
    await expectUnaffected(pair, marks);
    expect(await chatRows(main, pair.code)).toEqual([]);
    expect((await consultationsOf(main, pair.code)).length).toBe(0);
  });

  it('answers room_closed for a finished or cancelled room, to both members', async () => {
    const pair = await livePair();
    const marks = marksOf(pair);
    const finished = await roomWithPeople();
    const cancelled = await roomWithPeople();
    expect((await t.request({ method: 'POST', url: `/api/rooms/${finished.code}/finalize`, cookie: finished.doctorCookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `/api/rooms/${cancelled.code}/cancel`, cookie: cancelled.doctorCookie })).statusCode).toBe(200);
    for (const room of [finished, cancelled]) {
      for (const cookie of [room.doctorCookie, room.patientCookie]) {
        const s = await socketFor(cookie);
        expect(await request(s, 'room:join', { code: room.code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
        expect(await request(s, 'signal', { code: room.code, candidate: null })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      }
    }
    await expectUnaffected(pair, marks);
  });

  it('asks a patient without consent to accept it first, and the doctor sees nothing until then', async () => {
    const room = await roomWithPeople(main, { consent: false });
    const doctorSocket = await socketFor(room.doctorCookie);
    const d = new Recorder(doctorSocket);
    expect(await request(doctorSocket, 'room:join', { code: room.code })).toMatchObject({ ok: true });
    const mark = d.mark();
    const patientSocket = await socketFor(room.patientCookie);
    expect(await request(patientSocket, 'room:join', { code: room.code })).toMatchObject({ ok: false, error: { code: 'consent_required' } });
    expect(await request(patientSocket, 'signal', { code: room.code, candidate: null })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await request(doctorSocket, 'media:state', { code: room.code, audio: true, video: true, screen: false })).toEqual({ ok: true, data: null });
    expect(d.since(mark)).toEqual([]);

    await t.request({ method: 'POST', url: '/api/consent', cookie: room.patientCookie, payload: { version: TCLE_VERSION } });
    expect(await request(patientSocket, 'room:join', { code: room.code })).toMatchObject({ ok: true, data: { admitted: false } });
    expect(await d.waitFor('presence', { userId: room.patient.id, state: 'waiting' }, mark)).toMatchObject({ role: 'patient' });
  });
});

describe('refused payloads', () => {
  it('answers invalid_payload to malformed events from a member, relaying none of them', async () => {
    const pair = await livePair();
    const { code } = pair;
    const marks = marksOf(pair);
    const bad: [string, unknown][] = [
      ['room:join', {}],
      ['room:join', { code: 'curto' }],
      ['room:join', { code: `${code.slice(0, 21)}!` }],
      ['room:join', 'texto'],
      ['room:join', null],
      ['room:leave', { code: 42 }],
      ['room:admit', {}],
      ['room:finalize', { code: [code] }],
      ['signal', {}],
      ['signal', { code }],
      ['signal', { code: 'curto', candidate: { candidate: 'x' } }],
      ['signal', { code, description: { type: 'bogus', sdp: 'v=0' } }],
      ['signal', { code, description: { sdp: 'v=0' } }],
      ['signal', { code, description: { type: 'offer', sdp: `v=0 ${'a'.repeat(100_000)}` } }],
      ['signal', { code, candidate: { candidate: 'x'.repeat(2_001) } }],
      ['signal', { code, candidate: { candidate: 'x', sdpMLineIndex: -1 } }],
      ['call:connected', { code: null }],
      ['media:state', { code, audio: 'sim', video: true, screen: false }],
      ['media:state', { code }],
      ['chat:send', { code, text: '   ' }],
      ['chat:send', { code, text: 'x'.repeat(2_001) }],
      ['chat:send', { code }],
    ];
    for (const [event, payload] of bad) {
      const reply = await request(pair.doctorSocket, event as 'signal', payload);
      expect(reply, `${event} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload', message: expect.any(String) },
      });
    }
    await expectUnaffected(pair, marks);
    expect(await chatRows(main, code)).toEqual([]);
  });

  it('disconnects only the socket that sends more than the buffer allows', async () => {
    const pair = await livePair();
    const { code } = pair;
    // The doctor's second tab joins the call too, then misbehaves.
    const tab = await socketFor(pair.doctorCookie);
    const before = marksOf(pair);
    expect(await request(tab, 'room:join', { code })).toMatchObject({ ok: true });
    await pair.p.waitFor('call:start', {}, before.p);
    await pair.d.waitFor('call:start', {}, before.d);
    const marks = marksOf(pair);

    const gone = disconnected(tab);
    tab.emit('signal', { code, description: { type: 'offer', sdp: 'a'.repeat(250_000) } });
    expect(await gone).toMatch(/transport/);
    await expectUnaffected(pair, marks);
    expect(pair.p.since(marks.p, 'presence')).toEqual([]);
    expect(pair.p.since(marks.p, 'signal').every((e) => e.payload.candidate !== undefined)).toBe(true);
  });

  it('answers not_joined to signal, media and chat before joining, even from a member\u2019s other tab', async () => {
    const pair = await livePair();
    const { code } = pair;
    const marks = marksOf(pair);
    const patientTab = await socketFor(pair.patientCookie);
    const doctorTab = await socketFor(pair.doctorCookie);
    for (const s of [patientTab, doctorTab]) {
      expect(await request(s, 'signal', { code, description: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await request(s, 'signal', { code, candidate: { candidate: 'candidate:1 1 udp 1 192.0.2.1 1 typ host' } })).toMatchObject({
        ok: false,
        error: { code: 'not_joined' },
      });
      expect(await request(s, 'media:state', { code, audio: false, video: false, screen: true })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await request(s, 'chat:send', { code, text: 'antes de entrar' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect(await request(s, 'call:connected', { code })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    }
    expect(await request(doctorTab, 'room:admit', { code })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    await expectUnaffected(pair, marks);
    expect(await chatRows(main, code)).toEqual([]);
  });
});

describe('limits per person, not per connection', () => {
  let flood: Ctx;
  beforeAll(async () => {
    flood = await listeningApp({ SOCKET_EVENTS_PER_10S: '60', CHAT_MESSAGES_PER_ROOM: '10' });
  });

  it("shares one event budget across all of a person's sockets and disconnects each one that floods", async () => {
    const pair = await livePair(flood);
    const { code } = pair;
    // The patient opens two more tabs in the call: three joins of cost 10 each spent 30 of 60.
    const tabs = [await socketFor(pair.patientCookie, flood), await socketFor(pair.patientCookie, flood)];
    const recorders = tabs.map((tab) => new Recorder(tab));
    for (const tab of tabs) expect(await request(tab, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: true } });
    const marks = marksOf(pair);

    // One event at a time, alternating tabs, until the server cuts a tab off: the 30 left are the
    // person's, not 50 per tab.
    const gone = tabs.map((tab) => disconnected(tab, 10_000));
    let accepted = 0;
    for (let i = 0; i < 100; i += 1) {
      const tab = tabs[i % 2]!;
      if (!tab.connected) break;
      const answer = await Promise.race([request(tab, 'media:state', { code, audio: i % 2 === 0, video: true, screen: false }), sleep(1000).then(() => null)]);
      if (!answer?.ok) break;
      accepted += 1;
    }
    // The bucket refills at 6 events a second meanwhile; a busy machine may squeeze in a few more.
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(36);
    // The other tab goes over at its next event too.
    for (const tab of tabs) for (let i = 0; i < 20 && tab.connected; i += 1) tab.emit('media:state', { code, audio: true, video: true, screen: false });
    for (const r of recorders) expect(await r.waitFor('error:fatal', {}, 0, 10_000)).toMatchObject({ code: 'rate_limited' });
    expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
    await sleep(100);
    const relayed = pair.d.since(marks.d, 'media:state');
    expect(relayed.length).toBeGreaterThanOrEqual(accepted);
    expect(relayed.length).toBeLessThanOrEqual(40);
    expect(relayed.every((e) => e.payload.userId === pair.patient.id)).toBe(true);
    // The first tab, quiet all along, is still connected and still hears the doctor.
    expect(pair.patientSocket.connected).toBe(true);
    const pm = pair.p.mark();
    expect(await request(pair.doctorSocket, 'signal', { code, candidate: { candidate: 'candidate:9 1 udp 1 192.0.2.9 9 typ host' } })).toEqual({
      ok: true,
      data: null,
    });
    expect(await pair.p.waitFor('signal', {}, pm)).toMatchObject({ from: pair.doctor.id });
    // The flooding session comes back at once: refused at the door for a while (no lookup, no join).
    const again = await connectSocket(flood.url, pair.patientCookie).then(
      (s) => {
        s.close();
        return 'connected';
      },
      (err: Error) => err.message,
    );
    expect(again).toBe('websocket error');
  });

  it('opens at most SOCKETS_PER_SESSION sockets per session, and another once one closes', async () => {
    const { patientCookie } = await roomWithPeople(flood);
    const open = [];
    for (let i = 0; i < 4; i += 1) open.push(await socketFor(patientCookie, flood));
    const refused = await socketFor(patientCookie, flood).then(
      () => null,
      (err: Error & { data?: unknown }) => ({ message: err.message, data: err.data }),
    );
    expect(refused).toMatchObject({ message: 'too_many_connections', data: { code: 'too_many_connections', message: expect.stringMatching(/muitas abas/) } });
    open[0]!.close();
    await sleep(200);
    expect((await socketFor(patientCookie, flood)).connected).toBe(true);
  });

  it('refuses a session that reconnects in a loop at the handshake, before looking it up, and answers the refusal a second late', async () => {
    const { patientCookie } = await roomWithPeople(flood);
    const outcomes: string[] = [];
    const started = Date.now();
    let refusalMs = 0;
    while (outcomes.length < 25 && !outcomes.includes('websocket error')) {
      const tried = Date.now();
      outcomes.push(
        await connectSocket(flood.url, patientCookie).then(
          (s) => {
            s.close();
            return 'connected';
          },
          (err: Error) => err.message,
        ),
      );
      refusalMs = Date.now() - tried;
    }
    // 20 at once, then the bucket refills at 2 a second: a slow machine may let one or two more in.
    const refill = Math.ceil(((Date.now() - started) / 1000) * 2);
    const connected = outcomes.filter((o) => o === 'connected').length;
    expect(connected).toBeGreaterThanOrEqual(20);
    expect(connected).toBeLessThanOrEqual(20 + refill);
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('connected'));
    // Refused at the HTTP handshake, before the WebSocket upgrade: the client sees a transport
    // error, a second late, so that a client retrying at once slows down (SlowRefusals).
    expect(outcomes.at(-1)).toBe('websocket error');
    expect(refusalMs).toBeGreaterThanOrEqual(950);
  });

  it("stops a person's chat at CHAT_MESSAGES_PER_ROOM in a room, with a plain message", async () => {
    const pair = await livePair(flood);
    for (let i = 0; i < 10; i += 1)
      expect(await request(pair.patientSocket, 'chat:send', { code: pair.code, text: `mensagem ${i}` })).toMatchObject({ ok: true });
    expect(await request(pair.patientSocket, 'chat:send', { code: pair.code, text: 'mais uma' })).toEqual({
      ok: false,
      error: { code: 'chat_quota', message: 'Você já enviou o máximo de mensagens nesta consulta. Continue pela conversa em vídeo.' },
    });
    expect(await chatRows(flood, pair.code)).toHaveLength(10);
    // The doctor's own quota is untouched.
    expect(await request(pair.doctorSocket, 'chat:send', { code: pair.code, text: 'Pode falar por vídeo.' })).toMatchObject({ ok: true });
  });
});

describe('relay and chat history', () => {
  it("relays signals and media state only to the other member's sockets, never to the sender's other tabs", async () => {
    const pair = await livePair();
    const { code } = pair;
    const secondTab = await socketFor(pair.doctorCookie);
    const second = new Recorder(secondTab);
    expect(await request(secondTab, 'room:join', { code })).toMatchObject({ ok: true });
    const sm = second.mark();
    const pm = pair.p.mark();
    expect(await request(pair.doctorSocket, 'signal', { code, description: { type: 'offer', sdp: 'v=0' } })).toEqual({ ok: true, data: null });
    expect(await request(pair.doctorSocket, 'media:state', { code, audio: false, video: true, screen: false })).toEqual({ ok: true, data: null });
    await pair.p.waitFor('media:state', {}, pm);
    // (The second tab's join also sends both members a fresh call:start; only relays matter here.)
    expect(
      pair.p
        .since(pm)
        .map((e) => e.name)
        .filter((n) => n !== 'call:start'),
    ).toEqual(['signal', 'media:state']);
    await sleep(100);
    expect(second.since(sm).filter((e) => e.name === 'signal' || e.name === 'media:state')).toEqual([]);
  });

  it('sends the chat history on the first join and only newer messages on a rejoin with chatAfter', async () => {
    const pair = await livePair();
    const { code } = pair;
    const first = await request<ChatMessage>(pair.patientSocket, 'chat:send', { code, text: 'Bom dia' });
    await sleep(5);
    const second = await request<ChatMessage>(pair.doctorSocket, 'chat:send', { code, text: 'Bom dia, tudo bem?' });
    if (!first.ok || !second.ok) throw new Error('chat refused');
    const tab = await socketFor(pair.patientCookie);
    const all = await request<JoinResult>(tab, 'room:join', { code });
    expect(all.ok && all.data.chat.map((m) => m.text)).toEqual(['Bom dia', 'Bom dia, tudo bem?']);
    // From the client's newest on (inclusive, so a message of the same millisecond is never lost).
    const newer = await request<JoinResult>(tab, 'room:join', { code, chatAfter: second.data.sentAt });
    expect(newer.ok && newer.data.chat.map((m) => m.text)).toEqual(['Bom dia, tudo bem?']);
    const none = await request<JoinResult>(tab, 'room:join', { code, chatAfter: new Date(Date.parse(second.data.sentAt) + 1).toISOString() });
    expect(none.ok && none.data.chat).toEqual([]);
    expect(await request(tab, 'room:join', { code, chatAfter: 'ontem' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('answers a socket that joins again without telling the other member anything new', async () => {
    const pair = await livePair();
    const dm = pair.d.mark();
    for (let i = 0; i < 3; i += 1)
      expect(await request(pair.patientSocket, 'room:join', { code: pair.code })).toMatchObject({ ok: true, data: { admitted: true } });
    await sleep(100);
    expect(pair.d.since(dm).map((e) => e.name)).toEqual([]);
    await expectRelay(pair);
  });

  it('lets a waiting patient write to the doctor but not send media state (ADR 005)', async () => {
    const room = await roomWithPeople();
    const doctor = await socketFor(room.doctorCookie);
    const d = new Recorder(doctor);
    const patient = await socketFor(room.patientCookie);
    expect(await request(doctor, 'room:join', { code: room.code })).toMatchObject({ ok: true });
    expect(await request(patient, 'room:join', { code: room.code })).toMatchObject({ ok: true, data: { admitted: false } });
    expect(await request(patient, 'media:state', { code: room.code, audio: true, video: true, screen: false })).toMatchObject({
      ok: false,
      error: { code: 'not_in_call' },
    });
    expect(await request(patient, 'chat:send', { code: room.code, text: 'Doutora, estou aqui.' })).toMatchObject({ ok: true });
    expect(await d.waitFor('chat:message')).toMatchObject({ fromUserId: room.patient.id, text: 'Doutora, estou aqui.' });
    expect(d.events.filter((e) => e.name === 'media:state')).toEqual([]);
  });
});

describe('presence', () => {
  it('shows the doctor a waiting patient, then in_call once admitted', async () => {
    const room = await roomWithPeople();
    const doctorSocket = await socketFor(room.doctorCookie);
    const d = new Recorder(doctorSocket);
    const joined = await request<{ peer: { userId: string; state: string } }>(doctorSocket, 'room:join', { code: room.code });
    expect(joined).toMatchObject({
      ok: true,
      data: { role: 'doctor', admitted: true, peer: { userId: room.patient.id, name: room.patient.name, state: 'offline' } },
    });

    const patientSocket = await socketFor(room.patientCookie);
    const p = new Recorder(patientSocket);
    const patientJoin = await request(patientSocket, 'room:join', { code: room.code });
    expect(patientJoin).toMatchObject({
      ok: true,
      data: { role: 'patient', admitted: false, peer: { userId: room.doctor.id, name: room.doctor.name, state: 'in_call' } },
    });
    expect(await d.waitFor('presence', { userId: room.patient.id })).toEqual({
      code: room.code,
      userId: room.patient.id,
      role: 'patient',
      name: room.patient.name,
      state: 'waiting',
    });

    // Only the doctor admits.
    expect(await request(patientSocket, 'room:admit', { code: room.code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const mark = d.mark();
    expect(await request(doctorSocket, 'room:admit', { code: room.code })).toEqual({ ok: true, data: null });
    expect(await d.waitFor('presence', { userId: room.patient.id }, mark)).toMatchObject({ state: 'in_call' });
    await p.waitFor('room:admitted', { code: room.code });
    await d.waitFor('room:admitted', { code: room.code });
    const admittedAt = await t.db.selectFrom('rooms').select('admitted_at').where('code', '=', room.code).executeTakeFirstOrThrow();
    expect(admittedAt.admitted_at).toBeTruthy();

    const list = await t.request({ method: 'GET', url: `/api/rooms/${room.code}`, cookie: room.doctorCookie });
    expect(list.json()).toMatchObject({ doctorOnline: true, patientOnline: true });
  });

  it('shows a dropped patient as reconnecting, then offline; back, they are admitted at once and the doctor offers', async () => {
    const pair = await livePair();
    const { code } = pair;
    const mark = pair.d.mark();
    pair.patientSocket.close();
    expect(await pair.d.waitFor('presence', { userId: pair.patient.id }, mark)).toMatchObject({ state: 'reconnecting', role: 'patient' });
    // ROOM_RECONNECT_GRACE_SECONDS is 1 in these tests.
    expect(await pair.d.waitFor('presence', { userId: pair.patient.id, state: 'offline' }, mark)).toMatchObject({ role: 'patient' });
    expect(pair.d.since(mark, 'presence').map((e) => e.payload.state)).toEqual(['reconnecting', 'offline']);

    const back = await socketFor(pair.patientCookie);
    const p = new Recorder(back);
    const dm = pair.d.mark();
    expect(await request(back, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: true, peer: { state: 'in_call' } } });
    expect(await pair.d.waitFor('presence', { userId: pair.patient.id }, dm)).toMatchObject({ state: 'in_call' });
    expect(await pair.d.waitFor('call:start', {}, dm)).toEqual({ code, initiator: true });
    expect(await p.waitFor('call:start')).toEqual({ code, initiator: false });

    // And the call relays again.
    const offer = p.waitFor('signal');
    expect(await request(pair.doctorSocket, 'signal', { code, description: { type: 'offer', sdp: 'v=0 again' } })).toEqual({ ok: true, data: null });
    expect(await offer).toEqual({ code, from: pair.doctor.id, description: { type: 'offer', sdp: 'v=0 again' } });
  });

  it('shows left at once after room:leave, and a patient coming back within the grace period skips the waiting room', async () => {
    const pair = await livePair();
    const { code } = pair;
    let mark = pair.d.mark();
    expect(await request(pair.patientSocket, 'room:leave', { code })).toEqual({ ok: true, data: null });
    expect(await pair.d.waitFor('presence', { userId: pair.patient.id }, mark)).toMatchObject({ state: 'left' });
    // Having left, the socket relays nothing into the room.
    expect(await request(pair.patientSocket, 'signal', { code, candidate: null })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(pair.d.since(mark, 'signal')).toEqual([]);

    mark = pair.d.mark();
    const pm = pair.p.mark();
    expect(await request(pair.patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: true } });
    expect(await pair.d.waitFor('call:start', {}, mark)).toEqual({ code, initiator: true });
    expect(await pair.p.waitFor('call:start', {}, pm)).toEqual({ code, initiator: false });
    await expectRelay(pair);

    // The doctor leaving is shown to the patient the same way.
    const pm2 = pair.p.mark();
    expect(await request(pair.doctorSocket, 'room:leave', { code })).toEqual({ ok: true, data: null });
    expect(await pair.p.waitFor('presence', { userId: pair.doctor.id }, pm2)).toMatchObject({ state: 'left', role: 'doctor' });
  });

  it('keeps a person in the call while another of their tabs is still there', async () => {
    const pair = await livePair();
    const { code } = pair;
    const tab = await socketFor(pair.patientCookie);
    expect(await request(tab, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: true } });
    const mark = pair.d.mark();
    tab.close();
    await sleep(150);
    await expectRelay(pair);
    expect(pair.d.since(mark, 'presence').filter((e) => e.payload.state !== 'in_call')).toEqual([]);
  });
});

describe('relay', () => {
  it('relays descriptions and candidates (including end-of-candidates) to the peer only', async () => {
    const pair = await livePair();
    const { code } = pair;
    const marks = marksOf(pair);
    const candidates = Array.from({ length: 5 }, (_, i) => ({
      candidate: `candidate:${i} 1 udp 2122260223 192.0.2.${i} 5440${i} typ host`,
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: 'abcd',
    }));
    expect(await request(pair.doctorSocket, 'signal', { code, description: { type: 'offer', sdp: 'v=0 offer' } })).toEqual({ ok: true, data: null });
    for (const candidate of candidates) expect(await request(pair.doctorSocket, 'signal', { code, candidate })).toEqual({ ok: true, data: null });
    expect(await request(pair.doctorSocket, 'signal', { code, candidate: null })).toEqual({ ok: true, data: null });
    expect(await request(pair.patientSocket, 'signal', { code, description: { type: 'answer', sdp: 'v=0 answer' } })).toEqual({ ok: true, data: null });

    await pair.p.waitFor('signal', { candidate: null }, marks.p);
    await pair.d.waitFor('signal', { description: { type: 'answer', sdp: 'v=0 answer' } }, marks.d);
    expect(pair.p.since(marks.p).map((e) => e.payload)).toEqual([
      { code, from: pair.doctor.id, description: { type: 'offer', sdp: 'v=0 offer' } },
      ...candidates.map((candidate) => ({ code, from: pair.doctor.id, candidate })),
      { code, from: pair.doctor.id, candidate: null },
    ]);
    // Nothing echoes back to the sender.
    expect(pair.d.since(marks.d).map((e) => e.payload)).toEqual([{ code, from: pair.patient.id, description: { type: 'answer', sdp: 'v=0 answer' } }]);
  });

  it('relays media state with the sender\u2019s id', async () => {
    const pair = await livePair();
    const { code } = pair;
    const marks = marksOf(pair);
    expect(await request(pair.patientSocket, 'media:state', { code, audio: false, video: true, screen: false })).toEqual({ ok: true, data: null });
    expect(await pair.d.waitFor('media:state', {}, marks.d)).toEqual({ code, userId: pair.patient.id, audio: false, video: true, screen: false });
    expect(await request(pair.doctorSocket, 'media:state', { code, audio: true, video: false, screen: true })).toEqual({ ok: true, data: null });
    expect(await pair.p.waitFor('media:state', {}, marks.p)).toEqual({ code, userId: pair.doctor.id, audio: true, video: false, screen: true });
    expect(pair.p.since(marks.p, 'media:state')).toHaveLength(1);
    expect(pair.d.since(marks.d, 'media:state')).toHaveLength(1);
  });

  it('stores chat, delivers it to the peer and returns the history on join', async () => {
    const pair = await livePair();
    const { code } = pair;
    const marks = marksOf(pair);
    const sent = await request<{ id: string; text: string; fromUserId: string; fromName: string; sentAt: string; roomCode: string }>(
      pair.patientSocket,
      'chat:send',
      { code, text: '  Doutora, estou com febre.  ' },
    );
    expect(sent).toMatchObject({
      ok: true,
      data: { roomCode: code, fromUserId: pair.patient.id, fromName: pair.patient.name, text: 'Doutora, estou com febre.' },
    });
    const delivered = await pair.d.waitFor('chat:message', {}, marks.d);
    expect(delivered).toEqual(sent.ok && sent.data);
    expect(await request(pair.doctorSocket, 'chat:send', { code, text: 'Desde quando?' })).toMatchObject({ ok: true });
    await pair.p.waitFor('chat:message', { text: 'Desde quando?' }, marks.p);
    expect(pair.p.since(marks.p, 'chat:message')).toHaveLength(1);
    expect(pair.d.since(marks.d, 'chat:message')).toHaveLength(1);

    expect(await chatRows(main, code)).toEqual([
      { from_user_id: pair.patient.id, text: 'Doutora, estou com febre.' },
      { from_user_id: pair.doctor.id, text: 'Desde quando?' },
    ]);

    const tab = await socketFor(pair.patientCookie);
    const joined = await request<{ chat: { text: string; fromName: string; fromUserId: string }[] }>(tab, 'room:join', { code });
    expect(joined.ok && joined.data.chat.map((m) => [m.fromUserId, m.fromName, m.text])).toEqual([
      [pair.patient.id, pair.patient.name, 'Doutora, estou com febre.'],
      [pair.doctor.id, pair.doctor.name, 'Desde quando?'],
    ]);
  });
});

describe('finalizing through the socket', () => {
  it('refuses the patient, closes the room for both on the doctor\u2019s finalize and refuses re-joining', async () => {
    const pair = await livePair();
    const { code } = pair;
    await request(pair.doctorSocket, 'call:connected', { code });
    expect(await request(pair.patientSocket, 'call:connected', { code })).toMatchObject({ ok: true, data: { startedAt: expect.any(String) } });
    const marks = marksOf(pair);

    expect(await request(pair.patientSocket, 'room:finalize', { code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await consultationsOf(main, code))[0]).toMatchObject({ status: 'open', ended_at: null });
    expect(pair.d.since(marks.d, 'room:closed')).toEqual([]);

    const done = await request<{ durationSeconds: number }>(pair.doctorSocket, 'room:finalize', { code });
    expect(done).toMatchObject({ ok: true, data: { durationSeconds: expect.any(Number) } });
    expect(await pair.p.waitFor('room:closed', {}, marks.p)).toEqual({ code, reason: 'finalized' });
    expect(await pair.d.waitFor('room:closed', {}, marks.d)).toEqual({ code, reason: 'finalized' });
    const rows = await consultationsOf(main, code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'finished', finalized_by: 'doctor' });

    for (const s of [pair.doctorSocket, pair.patientSocket]) {
      expect(await request(s, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
      expect(await request(s, 'signal', { code, candidate: null })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    }
    const fresh = await socketFor(pair.patientCookie);
    expect(await request(fresh, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
    // Finalizing again is harmless and reports the same duration.
    expect(await request(pair.doctorSocket, 'room:finalize', { code })).toEqual(done);
  });
});

describe('automatic finalization of abandoned calls', () => {
  let idle: Ctx;
  beforeAll(async () => {
    idle = await listeningApp({ ROOM_IDLE_MINUTES: '0.05' });
  });

  const longAgo = () => new Date(Date.now() - 60_000).toISOString();
  const setIdle = (code: string) => idle.t.db.updateTable('rooms').set({ last_activity_at: longAgo() }).where('code', '=', code).execute();

  it('finalizes a started call nobody is in any more, once; leaves the others alone', async () => {
    // A call that happened and was abandoned without finalizing.
    const abandoned = await livePair(idle);
    await request(abandoned.doctorSocket, 'call:connected', { code: abandoned.code });
    await request(abandoned.patientSocket, 'call:connected', { code: abandoned.code });
    abandoned.doctorSocket.close();
    abandoned.patientSocket.close();

    // A call that happened, with the doctor still connected.
    const ongoing = await livePair(idle);
    await request(ongoing.doctorSocket, 'call:connected', { code: ongoing.code });
    await request(ongoing.patientSocket, 'call:connected', { code: ongoing.code });
    ongoing.patientSocket.close();

    // A room where no call ever happened.
    const unused = await roomWithPeople(idle);

    // Wait until the server has seen the sockets go.
    const online = () =>
      idle.t.app.rooms.isOnline(abandoned.code, abandoned.doctor.id) ||
      idle.t.app.rooms.isOnline(abandoned.code, abandoned.patient.id) ||
      idle.t.app.rooms.isOnline(ongoing.code, ongoing.patient.id);
    for (let i = 0; i < 150 && online(); i += 1) await sleep(20);
    expect(online()).toBe(false);
    expect(idle.t.app.rooms.isOnline(ongoing.code, ongoing.doctor.id)).toBe(true);
    for (const code of [abandoned.code, ongoing.code, unused.code]) await setIdle(code);
    const om = ongoing.d.mark();

    await idle.t.app.rooms.sweep();
    await idle.t.app.rooms.sweep();

    const rows = await consultationsOf(idle, abandoned.code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'finished', finalized_by: 'auto' });
    expect(rows[0]!.ended_at).toBeTruthy();
    expect(rows[0]!.duration_seconds).toBeGreaterThanOrEqual(0);
    const audits = await idle.t.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'consultation.finished')
      .where('entity_id', '=', rows[0]!.id)
      .execute();
    expect(audits).toEqual([{ actor_id: null }]);

    const kept = await consultationsOf(idle, ongoing.code);
    expect(kept).toEqual([expect.objectContaining({ status: 'open', ended_at: null, finalized_by: null })]);
    const touched = await idle.t.db.selectFrom('rooms').select('last_activity_at').where('code', '=', ongoing.code).executeTakeFirstOrThrow();
    expect(Date.parse(touched.last_activity_at)).toBeGreaterThan(Date.now() - 10_000);
    expect(ongoing.d.since(om, 'room:closed')).toEqual([]);

    const untouched = await idle.t.db.selectFrom('rooms').select(['status', 'closed_at']).where('code', '=', unused.code).executeTakeFirstOrThrow();
    expect(untouched).toEqual({ status: 'open', closed_at: null });
    expect(await consultationsOf(idle, unused.code)).toEqual([]);

    // Re-joining the auto-finalized room is refused.
    const back = await socketFor(abandoned.patientCookie, idle);
    expect(await request(back, 'room:join', { code: abandoned.code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
  });

  it('finalizes a call both members left on purpose without finalizing, though their sockets stay open', async () => {
    const pair = await livePair(idle);
    await request(pair.doctorSocket, 'call:connected', { code: pair.code });
    await request(pair.patientSocket, 'call:connected', { code: pair.code });
    expect(await request(pair.patientSocket, 'room:leave', { code: pair.code })).toMatchObject({ ok: true });
    expect(await request(pair.doctorSocket, 'room:leave', { code: pair.code })).toMatchObject({ ok: true });
    await setIdle(pair.code);
    await idle.t.app.rooms.sweep();
    expect((await consultationsOf(idle, pair.code))[0]).toMatchObject({ status: 'finished', finalized_by: 'auto' });
    expect(await request(pair.doctorSocket, 'room:join', { code: pair.code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
  });
});
