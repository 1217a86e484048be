import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createAdmin, createDoctor, createPatient } from '#tests/helpers/factories.ts';
import {
  type ServerProcess,
  addressOf,
  createPgDatabase,
  spawnServer,
  startNode as startInProcessNode,
  tcpFrontDoor,
  throwawayRedis,
} from '#tests/helpers/nodes.ts';
import { TEST_REDIS_URL, postgresAvailable, redisAvailable, redisServerAvailable } from '#tests/helpers/requirements.ts';
import { type ClientSocket, Recorder, connectSocket, request } from '#tests/helpers/sockets.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import { type Db, createDb } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import type { NodeView } from '#server/features/rooms/room-state.ts';
import { closeRedis, connectRedis } from '#server/lib/redis.ts';

/**
 * Two server processes (src/server/main.ts) on one PostgreSQL database and the machine's Redis: a
 * doctor's socket on node A and the patient's on node B must meet as on one node, a forced
 * disconnect on one node reaches the other, the limits count the person across both, and when
 * node A dies its members age out ("reconnecting", then "offline") and come back through node B.
 */
const WHAT = 'cross-node realtime tests (PostgreSQL and Redis)';
const services = (await postgresAvailable(WHAT)) && (await redisAvailable(WHAT));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Short grace and small limits, so ageing and counting show within a test. */
const NODE_ENV_VARS = {
  ROOM_RECONNECT_GRACE_SECONDS: '2',
  SOCKETS_PER_SESSION: '2',
  SOCKET_EVENTS_PER_10S: '80',
  LOGIN_IP_LIMIT_PER_MINUTE: '10000',
};

type Node = ServerProcess & { url: string };

const cleanups: (() => Promise<unknown>)[] = [];
const sockets: ClientSocket[] = [];

/** `node src/server/main.ts` in multi-node mode, resolved once it listens. */
async function startNode(databaseUrl: string): Promise<Node> {
  const server = spawnServer({ ...NODE_ENV_VARS, DATABASE_URL: databaseUrl, REDIS_URL: TEST_REDIS_URL }, 'mc-xnode-');
  cleanups.push(server.stop);
  return { ...server, url: await addressOf(server) };
}

let db: Db;
let dbUrl: string;
let a: Node;
let b: Node;

beforeAll(async () => {
  if (!services) return;
  const database = await createPgDatabase({ migrate: true });
  cleanups.push(database.drop);
  dbUrl = database.url;
  db = createDb({ kind: 'postgres', url: database.url });
  cleanups.push(() => db.destroy());
  // One after the other: starting together is the foundation's test; here the nodes just run.
  a = await startNode(database.url);
  b = await startNode(database.url);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A JSON request to a node as the browser would send it (our Origin, the session cookie). */
async function api(node: Node, method: string, url: string, cookie?: string, body?: unknown): Promise<Response> {
  return fetch(`${node.url}${url}`, {
    method,
    headers: { origin: node.url, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function login(node: Node, user: Pick<UserRow, 'email'>): Promise<string> {
  const res = await api(node, 'POST', '/api/auth/login', undefined, { email: user.email, password: PASSWORD });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mc_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

async function socketOn(node: Node, cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(node.url, cookie);
  sockets.push(s);
  return s;
}

/** A socket's recorder with cross-node patience: a relay may pass through Redis. */
const recorder = (socket: ClientSocket) => new Recorder(socket, 5000);

/** A doctor and their consenting patient, signed in (on node A unless told), and an open room. */
async function roomWithPeople(node = a) {
  const doctor = await createDoctor(db);
  const patient = await createPatient(db, { doctors: [doctor] });
  const doctorCookie = await login(node, doctor);
  const patientCookie = await login(node, patient);
  const room = await api(node, 'POST', '/api/rooms', doctorCookie, { patientId: patient.id, reason: 'Retorno' });
  expect(room.status).toBe(201);
  expect((await api(b, 'POST', '/api/consent', patientCookie, { version: TCLE_VERSION })).status).toBe(200);
  return { doctor, patient, doctorCookie, patientCookie, code: ((await room.json()) as { code: string }).code };
}

/** Doctor on node A, patient on node B, both in the room and the call started. */
async function callAcrossNodes() {
  const people = await roomWithPeople();
  const { code } = people;
  const doctorSocket = await socketOn(a, people.doctorCookie);
  const patientSocket = await socketOn(b, people.patientCookie);
  const d = recorder(doctorSocket);
  const p = recorder(patientSocket);
  expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { role: 'doctor', admitted: true, peer: { state: 'offline' } } });
  expect(await request(patientSocket, 'room:join', { code })).toMatchObject({
    ok: true,
    data: { role: 'patient', admitted: false, peer: { state: 'in_call' } },
  });
  return { ...people, doctorSocket, patientSocket, d, p };
}

async function expectRelay(from: ClientSocket, to: Recorder, code: string, fromId: string): Promise<void> {
  const mark = to.mark();
  const candidate = { candidate: `candidate:${randomUUID()} 1 udp 2122260223 192.0.2.1 54400 typ host`, sdpMid: '0', sdpMLineIndex: 0 };
  expect(await request(from, 'signal', { code, candidate })).toEqual({ ok: true, data: null });
  expect(await to.waitFor('signal', {}, mark)).toEqual({ code, from: fromId, candidate });
}

describe.skipIf(!services)('a doctor on node A and a patient on node B', () => {
  it('see each other arrive, the doctor hears of the wait on any page, admits, and they chat, signal and start the consultation', async () => {
    const pair = await callAcrossNodes();
    const { code, d, p } = pair;
    expect(await d.waitFor('presence', { userId: pair.patient.id, state: 'waiting' })).toMatchObject({ code, role: 'patient' });
    expect(await d.waitFor('waiting:changed', { code, waiting: true })).toMatchObject({ patientId: pair.patient.id });
    // Either node answers for both: the wait and who is online live in Redis.
    for (const node of [a, b]) {
      const waiting = (await (await api(node, 'GET', '/api/rooms/waiting', pair.doctorCookie)).json()) as { items: { code: string }[] };
      expect(waiting.items.map((i) => i.code)).toEqual([code]);
      expect(await (await api(node, 'GET', `/api/rooms/${code}`, pair.doctorCookie)).json()).toMatchObject({ doctorOnline: true, patientOnline: true });
    }

    const dm = d.mark();
    const pm = p.mark();
    expect(await request(pair.doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await p.waitFor('room:admitted', { code }, pm);
    expect(await p.waitFor('presence', { userId: pair.patient.id, state: 'in_call' }, pm)).toBeTruthy();
    await Promise.all([d.waitFor('call:start', { initiator: true }, dm), p.waitFor('call:start', { initiator: false }, pm)]);
    await d.waitFor('waiting:changed', { code, waiting: false }, dm);
    // Once each, though two nodes saw the change.
    await sleep(500);
    expect(d.since(dm, 'call:start')).toHaveLength(1);
    expect(p.since(pm, 'call:start')).toHaveLength(1);
    expect(d.since(dm, 'waiting:changed')).toHaveLength(1);
    expect(d.since(dm, 'presence').filter((e) => e.payload.userId === pair.patient.id)).toHaveLength(1);
    expect((await (await api(b, 'GET', '/api/rooms/waiting', pair.doctorCookie)).json()) as unknown).toEqual({ items: [] });

    await expectRelay(pair.doctorSocket, p, code, pair.doctor.id);
    await expectRelay(pair.patientSocket, d, code, pair.patient.id);
    const chatMark = d.mark();
    expect(await request(pair.patientSocket, 'chat:send', { code, text: 'Bom dia, doutora' })).toMatchObject({ ok: true });
    expect(await d.waitFor('chat:message', {}, chatMark)).toMatchObject({ fromUserId: pair.patient.id, text: 'Bom dia, doutora' });

    // The consultation starts once both report media from their own nodes.
    expect(await request(pair.doctorSocket, 'call:connected', { code })).toEqual({ ok: true, data: { startedAt: null } });
    const started = await request<{ startedAt: string | null }>(pair.patientSocket, 'call:connected', { code });
    expect(started).toMatchObject({ ok: true, data: { startedAt: expect.any(String) } });
    await d.waitFor('consultation:started', { code });

    // Finalized on node A: the patient on node B is told the room closed.
    const closedMark = p.mark();
    expect(await request(pair.doctorSocket, 'room:finalize', { code })).toMatchObject({ ok: true });
    expect(await p.waitFor('room:closed', { code }, closedMark)).toEqual({ code, reason: 'finalized' });
    expect(
      await db
        .selectFrom('consultations')
        .select('id')
        .where('room_id', '=', db.selectFrom('rooms').select('id').where('code', '=', code))
        .execute(),
    ).toHaveLength(1);
  });

  it('logout on node A disconnects the same person’s socket on node B at once', async () => {
    const { patientCookie } = await roomWithPeople();
    const onB = await socketOn(b, patientCookie);
    const fatal = new Promise((resolve) => onB.once('error:fatal', resolve));
    const gone = new Promise((resolve) => onB.once('disconnect', resolve));
    expect((await api(a, 'POST', '/api/auth/logout', patientCookie)).status).toBe(200);
    expect(await fatal).toMatchObject({ code: 'session_ended' });
    expect(await gone).toBe('io server disconnect');
  });

  it("a password change on node A ends the person's other sessions on node B but not the one that changed it; deactivation on node A ends the rest", async () => {
    const { doctor } = await roomWithPeople();
    const changing = await login(a, doctor);
    const other = await login(b, doctor);
    const keeps = await socketOn(b, changing);
    const ends = await socketOn(b, other);
    const endsFatal = new Promise((resolve) => ends.once('error:fatal', resolve));
    const keptFatal: unknown[] = [];
    keeps.on('error:fatal', (e) => keptFatal.push(e));
    expect((await api(a, 'POST', '/api/auth/password', changing, { currentPassword: PASSWORD, newPassword: 'outra-senha-forte-456' })).status).toBe(200);
    expect(await endsFatal).toMatchObject({ code: 'session_ended' });
    await sleep(300);
    expect(keeps.connected).toBe(true);
    expect(keptFatal).toEqual([]);

    const admin = await createAdmin(db);
    const adminCookie = await login(a, admin);
    const keptGone = new Promise((resolve) => keeps.once('disconnect', resolve));
    expect((await api(a, 'POST', `/api/users/${doctor.id}/deactivate`, adminCookie)).status).toBe(200);
    expect(await keptGone).toBe('io server disconnect');
  });

  it('counts sockets per session and events per person across both nodes', async () => {
    const { doctorCookie } = await roomWithPeople();
    const one = await socketOn(a, doctorCookie);
    const two = await socketOn(b, doctorCookie);
    // SOCKETS_PER_SESSION is 2: a third, on either node, is refused.
    await expect(connectSocket(a.url, doctorCookie)).rejects.toMatchObject({ data: { code: 'too_many_connections' } });
    await expect(connectSocket(b.url, doctorCookie)).rejects.toMatchObject({ data: { code: 'too_many_connections' } });
    // 50 events on each node: within each node's budget of 80, over the person's.
    const cut = Promise.race([one, two].map((s) => new Promise((resolve) => s.once('error:fatal', resolve))));
    for (let i = 0; i < 50; i += 1) {
      for (const s of [one, two]) (s.emit as (event: string, payload: unknown) => void)('media:state', { code: 'x', audio: true, video: true, screen: false });
    }
    expect(await cut).toMatchObject({ code: 'rate_limited' });
  });
});

describe.skipIf(!services)('node A dies mid-call', () => {
  it('shows the doctor reconnecting, then offline, to the patient on node B; the doctor comes back through node B and the call goes on', async () => {
    const pair = await callAcrossNodes();
    const { code, p } = pair;
    expect(await request(pair.doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await p.waitFor('call:start', { initiator: false });
    const mark = p.mark();
    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    await a.exit;
    // Node A stops beating: within its liveness (5 s) and a heartbeat (3 s) the doctor is reconnecting, offline after the grace (2 s) and a heartbeat more.
    await p.waitFor('presence', { userId: pair.doctor.id, state: 'reconnecting' }, mark, 20_000);
    const reconnectingAfter = Date.now() - killedAt;
    await p.waitFor('presence', { userId: pair.doctor.id, state: 'offline' }, mark, 10_000);
    expect(reconnectingAfter).toBeLessThan(15_000);

    // The doctor's page reconnects, now to node B, joins again, and the call starts again.
    const back = await socketOn(b, pair.doctorCookie);
    const d2 = recorder(back);
    const again = p.mark();
    expect(await request(back, 'room:join', { code })).toMatchObject({ ok: true, data: { role: 'doctor', peer: { state: 'in_call' } } });
    await p.waitFor('presence', { userId: pair.doctor.id, state: 'in_call' }, again);
    await Promise.all([d2.waitFor('call:start', { initiator: false }), p.waitFor('call:start', { initiator: true }, again)]);
    await expectRelay(back, p, code, pair.doctor.id);
    await expectRelay(pair.patientSocket, d2, code, pair.patient.id);
    // Neither node logged an error through all of this file's tests (a Redis or handler failure would).
    for (const node of [a, b]) expect(node.out()).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});

describe.skipIf(!services)('SIGKILL on the doctor’s node while the page reconnects through a load balancer', () => {
  /** A longer grace than the other tests', so a page back within it is never shown "offline" on a slow machine. */
  const GRACE_ENV = { ROOM_RECONNECT_GRACE_SECONDS: '10' };
  const portOf = (node: Node) => Number(new URL(node.url).port);

  async function spawned(): Promise<Node> {
    const server = spawnServer({ ...NODE_ENV_VARS, ...GRACE_ENV, DATABASE_URL: dbUrl, REDIS_URL: TEST_REDIS_URL }, 'mc-xnode-');
    cleanups.push(server.stop);
    return { ...server, url: await addressOf(server) };
  }

  /**
   * The doctor's page behind `door` (reconnecting by itself and joining on every connect, as the
   * call client does) and the patient's on `patientNode`, in a started call.
   */
  async function callThroughDoor(doorUrl: string, patientNode: Node) {
    const people = await roomWithPeople(patientNode);
    const { code } = people;
    const doctor: ClientSocket = io(doorUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: people.doctorCookie, origin: doorUrl },
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 500,
    });
    sockets.push(doctor);
    const d = recorder(doctor);
    const joins: Promise<unknown>[] = [];
    doctor.on('connect', () => joins.push(request(doctor, 'room:join', { code })));
    await new Promise<void>((resolve) => doctor.once('connect', () => resolve()));
    const patientSocket = await socketOn(patientNode, people.patientCookie);
    const p = recorder(patientSocket);
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(doctor, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await p.waitFor('call:start', { initiator: false });
    await expectRelay(doctor, p, code, people.doctor.id);
    return { ...people, doctor: people.doctor, doctorSocket: doctor, patientSocket, d, p, joins };
  }

  /**
   * A call through a front door that tries node C first for each new connection, then the
   * patient's node: the doctor's page is on node C; `back` resolves when it reconnects.
   */
  async function callWithDoctorOnC() {
    const patientNode = await spawned();
    const c = await spawned();
    const door = await tcpFrontDoor(() => [portOf(c), portOf(patientNode)]);
    cleanups.push(door.close);
    const call = await callThroughDoor(door.url, patientNode);
    const mark = call.p.mark();
    const back = new Promise<void>((resolve) => call.doctorSocket.once('connect', () => resolve()));
    return { c, call, mark, back };
  }

  const doctorPresence = (p: Recorder, mark: number, doctorId: string) =>
    p
      .since(mark, 'presence')
      .filter((e) => e.payload.userId === doctorId)
      .map((e) => e.payload.state);

  it('back within the grace: the patient sees the doctor reconnecting, then in the call again, and the call starts again; never offline', async () => {
    const patientNode = await spawned();
    const c = await spawned();
    // The balancer sends new connections to node C while it lives; once it died, nowhere until the test opens node B.
    let open = false;
    const door = await tcpFrontDoor(() => (c.child.exitCode === null && c.child.signalCode === null ? [portOf(c)] : open ? [portOf(patientNode)] : []));
    cleanups.push(door.close);
    const call = await callThroughDoor(door.url, patientNode);
    const { code, p } = call;
    const mark = p.mark();
    c.child.kill('SIGKILL');
    await c.exit;
    // Node C's liveness lapses (5 s, then a heartbeat of node B's): its view of the doctor no longer holds, "reconnecting".
    await p.waitFor('presence', { userId: call.doctor.id, state: 'reconnecting' }, mark, 20_000);
    const back = new Promise<void>((resolve) => call.doctorSocket.once('connect', () => resolve()));
    open = true;
    await back;
    await p.waitFor('presence', { userId: call.doctor.id, state: 'in_call' }, mark, 10_000);
    await p.waitFor('call:start', { initiator: true }, mark);
    expect(await call.joins.at(-1)).toMatchObject({ ok: true, data: { role: 'doctor', peer: { state: 'in_call' } } });
    await expectRelay(call.doctorSocket, p, code, call.doctor.id);
    await expectRelay(call.patientSocket, call.d, code, call.patient.id);
    // Node C's dead view ends its grace meanwhile: the doctor, here on node B, stays in the call.
    await sleep(4_000);
    expect(doctorPresence(p, mark, call.doctor.id)).toEqual(['reconnecting', 'in_call']);
  }, 90_000);

  it('back at once: the patient sees no flicker, the call starts again; when the doctor then leaves on purpose the patient is told "left", not "reconnecting"', async () => {
    const { c, call, mark, back } = await callWithDoctorOnC();
    const { code, p } = call;
    c.child.kill('SIGKILL');
    await c.exit;
    await back;
    await p.waitFor('call:start', { initiator: true }, mark);
    // Signals wait for the page's join on node B to be answered, as the call client's do.
    expect(await call.joins.at(-1)).toMatchObject({ ok: true, data: { role: 'doctor', peer: { state: 'in_call' } } });
    await expectRelay(call.doctorSocket, p, code, call.doctor.id);
    // Node C's view still holds, and the doctor is in the call through node B anyway: nothing to announce.
    expect(doctorPresence(p, mark, call.doctor.id)).toEqual([]);

    expect(await request(call.doctorSocket, 'room:leave', { code })).toMatchObject({ ok: true });
    // Once node C's liveness lapses (within 5 s), its view stops holding and the newest word is node B's "left".
    await p.waitFor('presence', { userId: call.doctor.id, state: 'left' }, mark, 25_000);
    expect(doctorPresence(p, mark, call.doctor.id)).toEqual(['left']);
  }, 90_000);

  it('back at once and gone on purpose within seconds: the patient is told "left" once node C stops counting as alive, well before its view would have expired', async () => {
    const redis = await connectRedis(TEST_REDIS_URL);
    cleanups.push(() => closeRedis(redis));
    const { c, call, mark, back } = await callWithDoctorOnC();
    const { code, p } = call;
    c.child.kill('SIGKILL');
    await c.exit;
    const killedAt = Date.now();
    // Node C's last view of the doctor: in the call, holding until `f` (node B's, once the page is back, holds longer).
    const views = Object.values(await redis.hGetAll(`mc:presence:${code}:${call.doctor.id}`)).map((raw) => JSON.parse(String(raw)) as NodeView);
    const heldUntil = Math.min(...views.filter((v) => v.s === 'in_call' && v.n > 0).map((v) => v.f));
    expect(heldUntil).toBeGreaterThan(killedAt);
    await back;
    expect(await call.joins.at(-1)).toMatchObject({ ok: true, data: { role: 'doctor', peer: { state: 'in_call' } } });
    expect(await request(call.doctorSocket, 'room:leave', { code })).toMatchObject({ ok: true });
    const leftAt = Date.now();
    // The doctor left while node C's view still held, by a wide margin: what follows is the liveness's doing, not the view's expiry.
    expect(heldUntil - leftAt).toBeGreaterThan(5_000);

    await p.waitFor('presence', { userId: call.doctor.id, state: 'left' }, mark, 25_000);
    const toldAt = Date.now();
    console.info(
      `SIGKILL, then: the doctor left on node B after ${leftAt - killedAt} ms, the patient was told "left" after ${toldAt - killedAt} ms; node C's view held for ${heldUntil - killedAt} ms`,
    );
    // Node C's liveness lapses within 5 s of its last beat, and node B's next heartbeat (3 s) says it: at least a second before the view would have expired.
    expect(toldAt).toBeLessThan(heldUntil - 1_000);
    expect(doctorPresence(p, mark, call.doctor.id)).toEqual(['left']);
  }, 90_000);
});

describe.skipIf(!services)('the node of a waiting patient dies', () => {
  it('the doctor, on another node and another page, stops seeing the patient waiting once their presence ages out', async () => {
    const d = await startNode(dbUrl);
    const people = await roomWithPeople(b);
    const { code } = people;
    const doctorPage = await socketOn(b, people.doctorCookie);
    const notices = recorder(doctorPage);
    const patientSocket = await socketOn(d, people.patientCookie);
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: false } });
    await notices.waitFor('waiting:changed', { code, waiting: true });
    const mark = notices.mark();
    d.child.kill('SIGKILL');
    await d.exit;
    await notices.waitFor('waiting:changed', { code, waiting: false }, mark, 25_000);
    expect(await (await api(b, 'GET', '/api/rooms/waiting', people.doctorCookie)).json()).toEqual({ items: [] });
    expect(await (await api(b, 'GET', `/api/rooms/${code}`, people.doctorCookie)).json()).toMatchObject({ patientOnline: false });
    expect(notices.since(mark, 'waiting:changed')).toHaveLength(1);
  }, 60_000);
});

describe.skipIf(!services)('SIGTERM on the doctor’s node during a call', () => {
  it('the node exits within 10 s; the doctor’s client reconnects by itself through the other node, and nobody is shown an error', async () => {
    const c = await startNode(dbUrl);
    const portOf = (node: Node) => Number(new URL(node.url).port);
    const door = await tcpFrontDoor(() => [portOf(c), portOf(b)]);
    cleanups.push(door.close);
    const people = await roomWithPeople(b);
    const { code } = people;
    // The doctor's page, as app-connection.ts opens it: reconnection on, and a join on every connect (the call client does that).
    const doctor: ClientSocket = io(door.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: people.doctorCookie, origin: door.url },
      forceNew: true,
      reconnectionDelay: 200,
    });
    sockets.push(doctor);
    const d = recorder(doctor);
    const joins: Promise<unknown>[] = [];
    doctor.on('connect', () => joins.push(request(doctor, 'room:join', { code })));
    await new Promise<void>((resolve) => doctor.once('connect', () => resolve()));
    const patientSocket = await socketOn(b, people.patientCookie);
    const p = recorder(patientSocket);
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(doctor, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await p.waitFor('call:start', { initiator: false });
    await expectRelay(doctor, p, code, people.doctor.id);

    const mark = p.mark();
    const disconnected = new Promise((resolve) => doctor.once('disconnect', resolve));
    const stoppedAt = Date.now();
    c.child.kill('SIGTERM');
    expect(await disconnected).toBe('transport close');
    expect(await c.exit).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    // Socket.IO's own reconnection lands on node B; the page joins again and the call resumes.
    await new Promise<void>((resolve) => doctor.once('connect', () => resolve()));
    await p.waitFor('presence', { userId: people.doctor.id, state: 'in_call' }, mark, 10_000);
    await p.waitFor('call:start', { initiator: true }, mark);
    expect(await joins.at(-1)).toMatchObject({ ok: true, data: { role: 'doctor', peer: { state: 'in_call' } } });
    await expectRelay(doctor, p, code, people.doctor.id);
    await expectRelay(patientSocket, d, code, people.patient.id);
    expect([...d.events, ...p.events].filter((e) => e.name === 'error:fatal')).toEqual([]);
    expect(c.out()).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});

describe.skipIf(!services || !redisServerAvailable('the Redis-outage realtime test'))('Redis lost while a call runs', () => {
  it('the call on the node goes on (signals and chat between its sockets), nothing crashes, and joins work again once Redis is back', async () => {
    const redis = await throwawayRedis();
    cleanups.push(redis.stop);
    const node = await startInProcessNode(dbUrl, redis.url, NODE_ENV_VARS);
    cleanups.push(node.close);
    const n = { url: await node.listen() } as Node;
    const people = await roomWithPeople(n);
    const { code } = people;
    const doctorSocket = await socketOn(n, people.doctorCookie);
    const patientSocket = await socketOn(n, people.patientCookie);
    const d = recorder(doctorSocket);
    const p = recorder(patientSocket);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await p.waitFor('call:start', { initiator: false });

    await redis.stop();
    await sleep(300);
    // Broadcasts cannot reach other nodes now; this node's own sockets still get them.
    await expectRelay(doctorSocket, p, code, people.doctor.id);
    await expectRelay(patientSocket, d, code, people.patient.id);
    const chatMark = d.mark();
    expect(await request(patientSocket, 'chat:send', { code, text: 'Ainda me ouve?' })).toMatchObject({ ok: true });
    await d.waitFor('chat:message', { text: 'Ainda me ouve?' }, chatMark);
    await sleep(3_500);

    await redis.start();
    // The node's connections come back by themselves (at most 2 s apart); then a page joins again.
    const again = await socketOn(n, people.doctorCookie);
    let joined: unknown;
    for (let i = 0; i < 40; i += 1) {
      joined = await request(again, 'room:join', { code });
      if ((joined as { ok: boolean }).ok) break;
      await sleep(250);
    }
    expect(joined).toMatchObject({ ok: true, data: { role: 'doctor' } });
    await expectRelay(patientSocket, d, code, people.patient.id);
  }, 60_000);
});
