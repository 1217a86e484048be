import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, createAdmin, createDoctor, createPatient } from '#tests/helpers/factories.ts';
import { type TestNode, createPgDatabase, startNode, throwawayRedis } from '#tests/helpers/nodes.ts';
import { postgresAvailable, redisServerAvailable } from '#tests/helpers/requirements.ts';
import { type ClientSocket, Recorder, connectSocket, request } from '#tests/helpers/sockets.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { Db } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';

/**
 * The admin's database reset with two nodes on one PostgreSQL database and one Redis: the calls
 * served by the other node end too (its members are told the room closed, then disconnected),
 * that node forgets its rooms, and the clinic works on both nodes afterwards. A Redis of the
 * test's own, since a reset tells every node on its Redis to close everything.
 */
const WHAT = 'the multi-node reset test (PostgreSQL and redis-server)';
const services = (await postgresAvailable(WHAT)) && redisServerAvailable(WHAT);

const cleanups: (() => Promise<unknown>)[] = [];
const sockets: ClientSocket[] = [];
let a: TestNode;
let b: TestNode;
let db: Db;

beforeAll(async () => {
  if (!services) return;
  const database = await createPgDatabase({ migrate: true });
  cleanups.push(database.drop);
  const redis = await throwawayRedis();
  cleanups.push(redis.stop);
  const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-reset-nodes-'));
  cleanups.push(async () => fs.rmSync(backups, { recursive: true, force: true }));
  // One BACKUP_DIR shared by both nodes, as the README asks.
  const env = { BACKUP_DIR: backups, LOGIN_IP_LIMIT_PER_MINUTE: '10000', ROOM_RECONNECT_GRACE_SECONDS: '2' };
  a = await startNode(database.url, redis.url, env);
  cleanups.push(() => a.close());
  b = await startNode(database.url, redis.url, env);
  cleanups.push(() => b.close());
  await a.listen();
  await b.listen();
  db = a.db;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function api(node: TestNode, method: string, url: string, cookie?: string, body?: unknown): Promise<Response> {
  return fetch(`${node.url}${url}`, {
    method,
    headers: { origin: node.url!, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function login(node: TestNode, user: Pick<UserRow, 'email'>): Promise<string> {
  const res = await api(node, 'POST', '/api/auth/login', undefined, { email: user.email, password: PASSWORD });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('mc_session='))!
    .split(';')[0]!;
}

async function socketOn(node: TestNode, cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(node.url!, cookie);
  sockets.push(s);
  return s;
}

/** A doctor on `doctorNode` and their consenting patient on `patientNode`, in one room, the call started. */
async function callBetween(doctorNode: TestNode, patientNode: TestNode) {
  const doctor = await createDoctor(db);
  const patient = await createPatient(db, { doctors: [doctor] });
  const doctorCookie = await login(doctorNode, doctor);
  const patientCookie = await login(patientNode, patient);
  const room = await api(doctorNode, 'POST', '/api/rooms', doctorCookie, { patientId: patient.id, reason: 'Retorno' });
  expect(room.status).toBe(201);
  const { code } = (await room.json()) as { code: string };
  expect((await api(patientNode, 'POST', '/api/consent', patientCookie, { version: TCLE_VERSION })).status).toBe(200);
  const doctorSocket = await socketOn(doctorNode, doctorCookie);
  const patientSocket = await socketOn(patientNode, patientCookie);
  const d = new Recorder(doctorSocket, 5000);
  const p = new Recorder(patientSocket, 5000);
  expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
  expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { admitted: false } });
  expect(await request(doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
  await Promise.all([d.waitFor('call:start', { initiator: true }), p.waitFor('call:start', { initiator: false })]);
  return { doctor, patient, code, doctorSocket, patientSocket, d, p };
}

describe.skipIf(!services)('a database reset with two nodes', () => {
  it('ends the calls node B serves (told, then disconnected), leaves node B no room in memory, and a new call works on both nodes after it', async () => {
    const onB = await callBetween(b, b);
    const admin = await createAdmin(db);
    const adminCookie = await login(a, admin);
    const adminSocket = await socketOn(a, adminCookie);
    const gone = [onB.doctorSocket, onB.patientSocket].map((s) => new Promise((resolve) => s.once('disconnect', resolve)));
    expect([...b.app.rooms.presence.entries()].map((e) => e.code)).toEqual([onB.code, onB.code]);

    const res = await api(a, 'POST', '/api/reset', adminCookie, { confirmation: 'REDEFINIR', password: PASSWORD });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
    for (const r of [onB.d, onB.p]) {
      // Told once that the clinic ended the call, before being told the session ended.
      const names = r.events.map((e) => e.name).filter((n) => n === 'room:closed' || n === 'error:fatal');
      expect(names[0]).toBe('room:closed');
      expect(r.events.filter((e) => e.name === 'room:closed').map((e) => e.payload)).toEqual([{ code: onB.code, reason: 'reset' }]);
      expect(r.events.find((e) => e.name === 'error:fatal')?.payload).toMatchObject({ code: 'session_ended' });
    }
    expect(adminSocket.connected).toBe(true);
    // Node B forgot the room: no one left "reconnecting" in it, no timer to announce them offline later.
    expect([...b.app.rooms.presence.entries()]).toEqual([]);
    expect(await b.app.rooms.waitingFor(onB.doctor.id)).toEqual([]);

    // The clinic goes on: a new doctor and patient, one on each node, have a call.
    const next = await callBetween(a, b);
    const mark = next.d.mark();
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    expect(await request(next.patientSocket, 'signal', { code: next.code, candidate })).toEqual({ ok: true, data: null });
    expect(await next.d.waitFor('signal', {}, mark)).toEqual({ code: next.code, from: next.patient.id, candidate });
    const back = await callBetween(b, a);
    expect(back.code).not.toBe(next.code);
  }, 60_000);

  it('refuses, on the other node too, a socket of a session opened before the reset began (one racing its erase), but not the admin’s or a new one', async () => {
    const admin = await createAdmin(db);
    const adminCookie = await login(a, admin);
    await socketOn(a, adminCookie);
    const doctor = await createDoctor(db);
    const before = await login(b, doctor);
    const adminSession = [...a.app.realtime.io.of('/').sockets.values()].find((s) => s.data.user.id === admin.id)!.data.sessionId;
    a.app.realtime.endAllSessionsExcept(adminSession);
    const refusal = async () => {
      try {
        (await connectSocket(b.url!, before)).close();
        return 'connected';
      } catch (err) {
        return (err as { data?: { code?: string } }).data?.code;
      }
    };
    // The session is still in the database (the erase has not run): only the other node's memory refuses it.
    await expect.poll(refusal, { timeout: 2000, interval: 100 }).toBe('unauthenticated');
    expect((await socketOn(b, adminCookie)).connected).toBe(true);
    expect((await socketOn(b, await login(b, doctor))).connected).toBe(true);
  });
});
