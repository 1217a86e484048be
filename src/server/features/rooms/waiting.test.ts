import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type ClientSocket, connectSocket, nextEvent, request } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { WaitingNotice } from '#shared/realtime/events.ts';
import type { WaitingPatients } from '#shared/schemas/rooms.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApp;
let url: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', ROOM_RECONNECT_GRACE_SECONDS: '1' });
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

/** A doctor, their consenting patient (named José) and an open room, signed in. */
async function roomWithPeople() {
  const doctor = await createDoctor(t.db, { name: 'Dra. Helena Duarte' });
  const patient = await createPatient(t.db, { name: 'José da Silva', doctors: [doctor] });
  const doctorCookie = await login(t, doctor);
  const patientCookie = await login(t, patient);
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId: patient.id } });
  expect(res.statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } })).statusCode).toBe(200);
  return { doctor, patient, doctorCookie, patientCookie, code: res.json().code as string };
}

async function waitingOf(cookie: string): Promise<WaitingPatients> {
  const res = await t.request({ method: 'GET', url: '/api/rooms/waiting', cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WaitingPatients;
}

/** Collects the `waiting:changed` notices a socket hears. */
function noticesOn(socket: ClientSocket): WaitingNotice[] {
  const heard: WaitingNotice[] = [];
  socket.on('waiting:changed', (n) => heard.push(n));
  return heard;
}

describe('a patient waiting reaches the doctor on any page', () => {
  it('the doctor’s page-wide socket hears the patient arrive and leave; GET /api/rooms/waiting agrees', async () => {
    const { doctor, patient, doctorCookie, patientCookie, code } = await roomWithPeople();
    // The doctor is on their home: connected, in no room.
    const doctorTab = await socketFor(doctorCookie);
    const heard = noticesOn(doctorTab);
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });

    const patientTab = await socketFor(patientCookie);
    const arrived = nextEvent(doctorTab, 'waiting:changed');
    const joined = await request(patientTab, 'room:join', { code });
    expect(joined.ok).toBe(true);
    expect(await arrived).toEqual({ code, patientId: patient.id, patientName: 'José da Silva', waiting: true });

    const list = await waitingOf(doctorCookie);
    expect(list.items).toEqual([{ code, patient: { id: patient.id, name: 'José da Silva' }, since: expect.any(String) }]);

    // Another doctor's page hears nothing and lists nobody.
    const other = await createDoctor(t.db);
    const otherCookie = await login(t, other);
    const otherTab = await socketFor(otherCookie);
    const otherHeard = noticesOn(otherTab);

    const gone = nextEvent(doctorTab, 'waiting:changed');
    await request(patientTab, 'room:leave', { code });
    expect(await gone).toEqual({ code, patientId: patient.id, patientName: 'José da Silva', waiting: false });
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });
    expect(await waitingOf(otherCookie)).toEqual({ items: [] });
    expect(heard.map((n) => n.waiting)).toEqual([true, false]);
    expect(otherHeard).toEqual([]);
    expect(doctor.id).not.toBe(other.id);
  });

  it('being let in ends the wait; coming back to an admitted call with the doctor away starts it again', async () => {
    const { doctorCookie, patientCookie, code } = await roomWithPeople();
    const doctorHome = await socketFor(doctorCookie);
    const heard = noticesOn(doctorHome);
    const patientTab = await socketFor(patientCookie);
    await request(patientTab, 'room:join', { code });
    await expect.poll(() => heard.length).toBe(1);

    // The doctor opens the room in another tab and lets the patient in.
    const doctorCall = await socketFor(doctorCookie);
    expect((await request(doctorCall, 'room:join', { code })).ok).toBe(true);
    expect((await request(doctorCall, 'room:admit', { code })).ok).toBe(true);
    await expect.poll(() => heard.map((n) => n.waiting)).toEqual([true, false]);
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });

    // The doctor steps out of the call: the patient, still there, is waiting for them again.
    await request(doctorCall, 'room:leave', { code });
    await expect.poll(() => heard.map((n) => n.waiting)).toEqual([true, false, true]);
    expect((await waitingOf(doctorCookie)).items.map((i) => i.code)).toEqual([code]);

    // The room is finalized (by HTTP): whoever waited is told it is over.
    expect((await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: doctorCookie })).statusCode).toBe(200);
    await expect.poll(() => heard.map((n) => n.waiting)).toEqual([true, false, true, false]);
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });
  });

  it('a dropped connection does not ring twice: the wait lasts through the grace period, then ends', async () => {
    const { doctorCookie, patientCookie, code } = await roomWithPeople();
    const doctorHome = await socketFor(doctorCookie);
    const heard = noticesOn(doctorHome);
    const first = await socketFor(patientCookie);
    await request(first, 'room:join', { code });
    await expect.poll(() => heard.length).toBe(1);

    first.disconnect();
    await sleep(200);
    expect((await waitingOf(doctorCookie)).items).toHaveLength(1);
    const again = await socketFor(patientCookie);
    await request(again, 'room:join', { code });
    await sleep(200);
    expect(heard.map((n) => n.waiting)).toEqual([true]);

    again.disconnect();
    // Grace is 1 s in this app: then the patient is offline and no longer waiting.
    await expect.poll(() => heard.map((n) => n.waiting), { timeout: 4000 }).toEqual([true, false]);
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });
  });

  it('refuses the list to patients, admins and anonymous callers', async () => {
    const { patientCookie } = await roomWithPeople();
    expect((await t.request({ method: 'GET', url: '/api/rooms/waiting', cookie: patientCookie })).statusCode).toBe(403);
    const adminCookie = await login(t, await createAdmin(t.db));
    expect((await t.request({ method: 'GET', url: '/api/rooms/waiting', cookie: adminCookie })).statusCode).toBe(403);
    const anonymous = await t.request({ method: 'GET', url: '/api/rooms/waiting' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('a doctor the admin unlinked from the patient no longer sees them waiting', async () => {
    const { doctor, patient, doctorCookie, patientCookie, code } = await roomWithPeople();
    const patientTab = await socketFor(patientCookie);
    await request(patientTab, 'room:join', { code });
    await expect.poll(async () => (await waitingOf(doctorCookie)).items.length).toBe(1);
    // Straight in the table: the check in the database is what is under test, not the unlink flow.
    await t.db.deleteFrom('doctor_patients').where('doctor_id', '=', doctor.id).where('patient_id', '=', patient.id).execute();
    expect(await waitingOf(doctorCookie)).toEqual({ items: [] });
  });
});
