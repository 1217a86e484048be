import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { UserRow } from '#server/db/types.ts';
import { ROOM_LANDINGS_PER_MINUTE } from './room-link.routes';

let t: TestApp;
let doctor: UserRow;
let doctorCookie: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
  doctor = await createDoctor(t.db, { name: 'Dra. Helena Duarte' });
  doctorCookie = await login(t, doctor);
});
afterAll(async () => t.close());

async function openRoom(patient: UserRow, cookie = doctorCookie): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie, payload: { patientId: patient.id } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
}
const patientLink = (code: string, cookie: string | null = doctorCookie) =>
  t.request({ method: 'POST', url: `/api/rooms/${code}/patient-link`, cookie: cookie ?? undefined });
const inviteTokenOf = (url: string) => url.split('#convite=')[1]!;

describe('GET /api/room-links/:code (the landing page, before sign-in)', () => {
  it("tells only the doctor's name and whether the room is open", async () => {
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const code = await openRoom(patient);
    const res = await t.request({ method: 'GET', url: `/api/room-links/${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ doctorName: 'Dra. Helena Duarte', open: true });
    expect(res.body).not.toContain(patient.name);
    await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: doctorCookie });
    expect((await t.request({ method: 'GET', url: `/api/room-links/${code}` })).json()).toEqual({ doctorName: 'Dra. Helena Duarte', open: false });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await t.request({ method: 'GET', url: `/api/room-links/${'a'.repeat(22)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('room_link_invalid');
    expect((await t.request({ method: 'GET', url: '/api/room-links/curto' })).statusCode).toBe(400);
  });

  it('throttles each address before looking anything up: past the budget a 429 in plain words, other addresses unaffected', async () => {
    const guess = (code: string, remoteAddress: string) => t.request({ method: 'GET', url: `/api/room-links/${code}`, remoteAddress });
    for (let i = 0; i < ROOM_LANDINGS_PER_MINUTE; i++) expect((await guess('b'.repeat(22), '10.7.7.7')).statusCode).toBe(404);
    const refused = await guess('b'.repeat(22), '10.7.7.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({ code: 'too_many_requests', message: 'Muitas tentativas seguidas. Aguarde um minuto e abra o link de novo.' });
    // Malformed guesses spend the same budget; another address is not affected.
    expect((await guess('x', '10.7.7.7')).statusCode).toBe(429);
    expect((await guess('b'.repeat(22), '10.7.7.8')).statusCode).toBe(404);
  });
});

describe("POST /api/rooms/:code/patient-link (the doctor's one message)", () => {
  it('for a patient without a password: the room link carries a fresh invite that sets the password and opens the room', async () => {
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const code = await openRoom(patient);
    const res = await patientLink(code);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { url: string; patientHasPassword: boolean; inviteExpiresAt: string | null };
    expect(body.patientHasPassword).toBe(false);
    expect(body.url).toMatch(new RegExp(`/sala/${code}#convite=[A-Za-z0-9_-]{43}$`));
    expect(body.inviteExpiresAt).not.toBeNull();
    const token = inviteTokenOf(body.url);
    expect((await t.request({ method: 'GET', url: `/api/invites/${token}` })).json()).toMatchObject({ name: patient.name, role: 'patient' });
    const accepted = await t.request({ method: 'POST', url: `/api/invites/${token}/accept`, payload: { password: 'senha-da-paciente-1' } });
    expect(accepted.statusCode).toBe(200);
    const cookie = `mc_session=${accepted.cookies.find((c) => c.name === 'mc_session')!.value}`;
    expect((await t.request({ method: 'GET', url: `/api/rooms/${code}`, cookie })).statusCode).toBe(200);
  });

  it('for a patient with a password: the plain room link, and no invite is made (a forwarded link grants nothing)', async () => {
    const patient = await createPatient(t.db, { doctors: [doctor] });
    const code = await openRoom(patient);
    const res = await patientLink(code);
    expect(res.json()).toEqual({
      url: expect.stringMatching(new RegExp(`^http://localhost(:80)?/sala/${code}$`)),
      patientHasPassword: true,
      inviteExpiresAt: null,
    });
    expect(await t.db.selectFrom('invites').select('id').where('user_id', '=', patient.id).execute()).toEqual([]);
  });

  it('a later link replaces the earlier invite; a used invite in an old link no longer works', async () => {
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const code = await openRoom(patient);
    const first = inviteTokenOf((await patientLink(code)).json().url);
    const second = inviteTokenOf((await patientLink(code)).json().url);
    expect((await t.request({ method: 'GET', url: `/api/invites/${first}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/invites/${second}/accept`, payload: { password: 'senha-da-paciente-1' } })).statusCode).toBe(200);
    const reused = await t.request({ method: 'POST', url: `/api/invites/${second}/accept`, payload: { password: 'quem-recebeu-o-link' } });
    expect(reused.statusCode).toBe(410);
    expect((await patientLink(code)).json().patientHasPassword).toBe(true);
  });

  it('refuses another doctor, the patient, an anonymous visitor and a foreign origin', async () => {
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const code = await openRoom(patient);
    const other = await createDoctor(t.db);
    const otherCookie = await login(t, other);
    const denied = await patientLink(code, otherCookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('no_access');
    const withPassword = await createPatient(t.db, { doctors: [doctor] });
    const patientCookie = await login(t, withPassword);
    expect((await patientLink(await openRoom(withPassword), patientCookie)).statusCode).toBe(403);
    expect((await patientLink(code, null)).statusCode).toBe(401);
    const foreign = await t.request({
      method: 'POST',
      url: `/api/rooms/${code}/patient-link`,
      cookie: doctorCookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(await t.db.selectFrom('invites').select('id').where('user_id', '=', patient.id).execute()).toEqual([]);
  });

  it('refuses a closed room', async () => {
    const patient = await createPatient(t.db, { doctors: [doctor], activated: false });
    const code = await openRoom(patient);
    await t.request({ method: 'POST', url: `/api/rooms/${code}/cancel`, cookie: doctorCookie });
    const res = await patientLink(code);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('room_closed');
  });
});
