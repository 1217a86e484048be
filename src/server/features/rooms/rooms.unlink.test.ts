import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type ClientSocket, connectSocket, nextEvent, request } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { UserRow } from '#server/db/types.ts';

// Issue 8, item 11: once the admin removes a doctor from a patient, the doctor keeps neither the
// open room nor its chat. Real socket.io clients on a listening app, as in rooms.signaling.test.ts.

let t: TestApp;
let url: string;
let adminCookie: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', ROOM_RECONNECT_GRACE_SECONDS: '1' });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  adminCookie = await login(t, await createAdmin(t.db));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function socketFor(cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(url, cookie, url);
  sockets.push(s);
  return s;
}

async function openRoom(doctorCookie: string, patientId: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId, reason: 'Retorno' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
}

/** A doctor and a consenting patient of theirs, signed in, with one open room. */
async function pairWithRoom() {
  const doctor = await createDoctor(t.db);
  const patient = await createPatient(t.db, { doctors: [doctor] });
  const doctorCookie = await login(t, doctor);
  const patientCookie = await login(t, patient);
  const consent = await t.request({ method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } });
  expect(consent.statusCode).toBe(200);
  return { doctor, patient, doctorCookie, patientCookie, code: await openRoom(doctorCookie, patient.id) };
}

/** The admin saves the patient with exactly these doctors. */
async function setDoctors(patient: UserRow, doctors: UserRow[]) {
  const res = await t.request({
    method: 'PUT',
    url: `/api/users/${patient.id}`,
    cookie: adminCookie,
    payload: { role: 'patient', email: patient.email, profile: { name: 'Maria Teste' }, doctorIds: doctors.map((d) => d.id) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

const roomRow = (code: string) => t.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

describe('unlinking a doctor from a patient', () => {
  it('cancels their open room, tells both sockets room:closed, and refuses the doctor’s join and chat from then on', async () => {
    const { doctor, patient, doctorCookie, patientCookie, code } = await pairWithRoom();
    // Rooms that must not be touched: the doctor with another patient, the patient with another doctor.
    const otherPatient = await createPatient(t.db, { doctors: [doctor] });
    const otherOfDoctor = await openRoom(doctorCookie, otherPatient.id);
    const secondDoctor = await createDoctor(t.db);
    await t.db.insertInto('doctor_patients').values({ doctor_id: secondDoctor.id, patient_id: patient.id, created_at: new Date().toISOString() }).execute();
    const otherOfPatient = await openRoom(await login(t, secondDoctor), patient.id);

    const doctorSocket = await socketFor(doctorCookie);
    const patientSocket = await socketFor(patientCookie);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { role: 'doctor' } });
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { role: 'patient' } });
    expect(await request(patientSocket, 'chat:send', { code, text: 'Bom dia, doutora' })).toMatchObject({ ok: true });

    const doctorClosed = nextEvent(doctorSocket, 'room:closed');
    const patientClosed = nextEvent(patientSocket, 'room:closed');
    await setDoctors(patient, [secondDoctor]);
    expect(await doctorClosed).toEqual({ code, reason: 'cancelled' });
    expect(await patientClosed).toEqual({ code, reason: 'cancelled' });

    const room = await roomRow(code);
    expect(room.status).toBe('cancelled');
    expect(room.closed_at).not.toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('entity_type', '=', 'room')
      .where('entity_id', '=', room.id)
      .where('action', '=', 'room.cancelled')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ reason: 'doctor_unlinked', doctorId: doctor.id, patientId: patient.id });

    // The unlinked doctor: the same 404 as a stranger, no chat history, nothing relayed.
    expect(await request(doctorSocket, 'room:join', { code })).toEqual({ ok: false, error: { code: 'no_access', message: expect.any(String) } });
    expect(await request(doctorSocket, 'chat:send', { code, text: 'Ainda estou aqui?' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const fresh = await socketFor(doctorCookie);
    expect(await request(fresh, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'no_access' } });
    // The patient's room is closed for them too.
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'room_closed' } });

    expect((await roomRow(otherOfDoctor)).status).toBe('open');
    expect((await roomRow(otherOfPatient)).status).toBe('open');
  });

  it('finalizes (never cancels or deletes) a room where the call already started', async () => {
    const { patient, doctorCookie, patientCookie, code } = await pairWithRoom();
    const doctorSocket = await socketFor(doctorCookie);
    const patientSocket = await socketFor(patientCookie);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true });
    expect(await request(doctorSocket, 'room:admit', { code })).toEqual({ ok: true, data: null });
    await request(doctorSocket, 'call:connected', { code });
    expect(await request(patientSocket, 'call:connected', { code })).toMatchObject({ ok: true, data: { startedAt: expect.any(String) } });

    const doctorClosed = nextEvent(doctorSocket, 'room:closed');
    const patientClosed = nextEvent(patientSocket, 'room:closed');
    await setDoctors(patient, []);
    expect(await doctorClosed).toEqual({ code, reason: 'finalized' });
    expect(await patientClosed).toEqual({ code, reason: 'finalized' });

    const room = await roomRow(code);
    expect(room.status).toBe('finished');
    const consultation = await t.db.selectFrom('consultations').selectAll().where('room_id', '=', room.id).executeTakeFirstOrThrow();
    expect(consultation).toMatchObject({ finalized_by: 'auto', ended_at: expect.any(String), duration_seconds: expect.any(Number) });
    const finished = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', consultation.id).execute();
    expect(finished.map((a) => a.action)).toEqual(['consultation.finished']);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'no_access' } });
  });

  it('a doctor no longer linked cannot join a room that is still open, while the patient can', async () => {
    // The link went away some other way (or between the admin's commit and the sockets hearing of it).
    const { doctor, patient, doctorCookie, patientCookie, code } = await pairWithRoom();
    await t.db.deleteFrom('doctor_patients').where('doctor_id', '=', doctor.id).where('patient_id', '=', patient.id).execute();
    expect((await roomRow(code)).status).toBe('open');
    const doctorSocket = await socketFor(doctorCookie);
    expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'no_access' } });
    expect(await request(doctorSocket, 'room:finalize', { code })).toMatchObject({ ok: false, error: { code: 'no_access' } });
    const patientSocket = await socketFor(patientCookie);
    expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true, data: { role: 'patient' } });
  });
});
