import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient, login } from '../../../../tests/helpers/factories';
import { type ClientSocket, connectSocket, nextEvent, request } from '../../../../tests/helpers/sockets';
import { type TestApp, createTestApp } from '../../../../tests/helpers/test-app';
import { TCLE_VERSION } from '../../../shared/domain/tcle';

let t: TestApp;
let url: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await createTestApp();
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

/** A doctor, their consenting patient and an open room, with logged-in cookies. */
async function roomWithPeople() {
  const doctor = await createDoctor(t.db);
  const patient = await createPatient(t.db, { doctors: [doctor] });
  const doctorCookie = await login(t, doctor);
  const patientCookie = await login(t, patient);
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId: patient.id, reason: 'Retorno' } });
  expect(res.statusCode).toBe(201);
  const consent = await t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } });
  expect(consent.statusCode).toBe(200);
  return { doctor, patient, doctorCookie, patientCookie, code: res.json().code as string };
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
    expect(await request(patientSocket, 'signal', { code, description: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'not_in_call' } });

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
    const rows = await t.db.selectFrom('consultations').innerJoin('rooms', 'rooms.id', 'consultations.room_id').select(['consultations.ended_at', 'rooms.status']).where('rooms.code', '=', code).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'finished' });
    expect(rows[0]!.ended_at).toBeTruthy();
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });
  });
});
