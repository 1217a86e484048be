import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { UserRow } from '#server/db/types.ts';

/**
 * Who can see a patient's record (issue 12, item 14): when the admin links a doctor to a patient,
 * or unlinks them, the access log says so, to the patient ("Quem viu meus dados") and to the admin.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, admin } = signedInPeople(() => t);

type Entry = {
  action: string;
  actor: { id: string; role: string };
  patient: { id: string };
  subject: { id: string; name: string; role: string } | null;
  ip: string | null;
};

/** The admin's PUT /api/users/:id for a patient, with these doctors. */
function linkDoctors(patient: UserRow, doctorIds: string[], cookie: string) {
  return t.request({
    method: 'PUT',
    url: `/api/users/${patient.id}`,
    cookie,
    payload: { role: 'patient', email: patient.email, profile: { name: 'Maria da Silva' }, doctorIds },
  });
}

async function adminLog(query: Record<string, string>): Promise<Entry[]> {
  const res = await t.request({ method: 'GET', url: '/api/access-log', cookie: await admin(), query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function ownLog(cookie: string): Promise<Entry[]> {
  const res = await t.request({ method: 'GET', url: '/api/me/access-log', cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function rowsOf(patientId: string) {
  return t.db
    .selectFrom('record_access_log')
    .select(['action', 'subject_id', 'actor_id'])
    .where('patient_id', '=', patientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

describe('doctors linked to a patient by the admin', () => {
  it('shows the patient and the admin that a doctor gained access, once, with the doctor named', async () => {
    const a = await doctor();
    const b = await doctor();
    const patient = await createPatient(t.db);
    const patientCookie = await login(t, patient);
    const adminCookie = await admin();

    expect((await linkDoctors(patient, [a.user.id], adminCookie)).statusCode).toBe(200);
    const mine = await ownLog(patientCookie);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      action: 'access.granted',
      actor: { role: 'admin' },
      patient: { id: patient.id },
      subject: { id: a.user.id, name: a.user.name, role: 'doctor' },
      ip: null,
    });

    // Saving again with the same doctor, and adding a second one, logs only the new access.
    expect((await linkDoctors(patient, [a.user.id], adminCookie)).statusCode).toBe(200);
    expect((await linkDoctors(patient, [a.user.id, b.user.id], adminCookie)).statusCode).toBe(200);
    expect((await rowsOf(patient.id)).map((r) => [r.action, r.subject_id])).toEqual([
      ['access.granted', a.user.id],
      ['access.granted', b.user.id],
    ]);

    // Unlinking is logged as lost access.
    expect((await linkDoctors(patient, [b.user.id], adminCookie)).statusCode).toBe(200);
    const after = await ownLog(patientCookie);
    expect(after[0]).toMatchObject({ action: 'access.revoked', subject: { id: a.user.id } });

    // The admin sees the same rows, with the IP, and can filter on them.
    const granted = await adminLog({ patientId: patient.id, action: 'access.granted' });
    expect(granted.map((e) => e.subject?.id).sort()).toEqual([a.user.id, b.user.id].sort());
    expect(granted.every((e) => e.ip === '127.0.0.1')).toBe(true);
    expect((await adminLog({ patientId: patient.id })).map((e) => e.action)).toEqual(['access.revoked', 'access.granted', 'access.granted']);
  });

  it('logs the doctors chosen when the admin creates the patient', async () => {
    const a = await doctor();
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      cookie: await admin(),
      payload: { role: 'patient', email: `nova-${Date.now()}@example.com`, profile: { name: 'Joana Prado' }, doctorIds: [a.user.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const patientId = res.json().user.id as string;
    expect(await adminLog({ patientId })).toMatchObject([{ action: 'access.granted', subject: { id: a.user.id, role: 'doctor' } }]);
  });

  it('logs nothing when the change is refused or made by the doctor for their own patient', async () => {
    const a = await doctor();
    const patient = await createPatient(t.db);
    // Not the admin: refused, nothing linked, nothing logged.
    expect((await linkDoctors(patient, [a.user.id], a.cookie)).statusCode).toBe(403);
    // A patient id that is not a doctor makes the whole save fail: the grant of `a` rolls back with it.
    const other = await createPatient(t.db);
    expect((await linkDoctors(patient, [a.user.id, other.id], await admin())).statusCode).toBe(400);
    expect(await rowsOf(patient.id)).toEqual([]);

    // A doctor registering their own patient is the record's author, not access granted by someone else.
    const own = await t.request({
      method: 'POST',
      url: '/api/patients',
      cookie: a.cookie,
      payload: { email: `propria-${Date.now()}@example.com`, profile: { name: 'Pedro Alves' } },
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(await rowsOf(own.json().user.id)).toEqual([]);
  });

  it("keeps each patient's log to themselves", async () => {
    const a = await createDoctor(t.db);
    const p1 = await createPatient(t.db);
    const p2 = await createPatient(t.db);
    expect((await linkDoctors(p1, [a.id], await admin())).statusCode).toBe(200);
    expect(await ownLog(await login(t, p2))).toEqual([]);
    expect(await ownLog(await login(t, p1))).toHaveLength(1);
    // Only patients read their own log; only the admin reads everyone's.
    const d = await doctor();
    expect((await t.request({ method: 'GET', url: '/api/me/access-log', cookie: d.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/access-log', cookie: d.cookie, query: { patientId: p1.id } })).statusCode).toBe(403);
  });
});
