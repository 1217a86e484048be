import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { VALID_CPFS, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { formatCrm } from '#shared/domain/crm.ts';
import { VERIFICATIONS_PER_MINUTE } from './verification.routes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', PUBLIC_URL: 'https://clinica.example.com' });
});
afterAll(async () => t.close());

const { doctor, patientOf } = signedInPeople(() => t);

const SECRET_NOTE = 'Queixa sigilosa: ansiedade intensa';
const MEDICINE = 'Sertralina 50 mg';
const BODY = {
  content: { notes: SECRET_NOTE },
  diagnoses: [{ code: 'F41.1', description: 'Ansiedade generalizada' }],
  prescriptions: [{ medicine: MEDICINE, dose: '1 comprimido', route: 'oral', frequency: '1 vez ao dia', duration: '', instructions: '' }],
};

let ip = 0;
/** Each test asks from its own address, so one test's requests never spend another's budget. */
function verify(code: string, remoteAddress = `10.0.0.${++ip}`) {
  return t.request({ method: 'GET', url: `/api/document-verifications/${code}`, remoteAddress });
}

async function signedEntry(d: Person, patientId: string) {
  const created = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await t.request({ method: 'PUT', url: `/api/evolutions/${id}`, cookie: d.cookie, payload: { version: 1, ...BODY } })).statusCode).toBe(200);
  const final = await t.request({ method: 'POST', url: `/api/evolutions/${id}/finalize`, cookie: d.cookie, payload: { version: 2 } });
  expect(final.statusCode, final.body).toBe(200);
  return final.json() as { id: string; contentHash: string; finalizedAt: string };
}

/** The printed document's link, as the doctor's print page receives it. */
async function printedLink(cookie: string, kind: 'prescription' | 'evolution', id: string): Promise<string> {
  const res = await t.request({ method: 'GET', url: `/api/documents/${kind}/${id}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().verificationUrl as string;
}

const codeOf = (url: string) => url.split('/').pop()!;

describe('GET /api/document-verifications/:code', () => {
  it('confirms a printed document with no session: doctor, CRM, date, hash, signed and intact; nothing of the patient or the content', async () => {
    const doctorUser = await createDoctor(t.db, { name: 'Helena Duarte' });
    const d = { user: doctorUser, cookie: await login(t, doctorUser) };
    const patientUser = await createPatient(t.db, { name: 'Joana Sigilo', doctors: [doctorUser] });
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[1]! }).where('user_id', '=', patientUser.id).execute();
    const p = { user: patientUser, cookie: await login(t, patientUser) };
    const entry = await signedEntry(d, p.user.id);
    const url = await printedLink(d.cookie, 'prescription', entry.id);
    expect(url).toMatch(/^https:\/\/clinica\.example\.com\/verificar\/[A-Za-z0-9_-]{22}$/);
    // The code is not the entry's id, and the evolution print of the same entry carries the same one.
    expect(url).not.toContain(entry.id);
    expect(await printedLink(p.cookie, 'evolution', entry.id)).toBe(url);

    const res = await verify(codeOf(url));
    expect(res.statusCode, res.body).toBe(200);
    const profile = await t.db
      .selectFrom('doctor_profiles')
      .select(['crm_number', 'crm_uf', 'specialty'])
      .where('user_id', '=', d.user.id)
      .executeTakeFirstOrThrow();
    expect(res.json()).toEqual({
      kind: 'evolution',
      doctor: { name: 'Helena Duarte', crm: formatCrm(profile.crm_number, profile.crm_uf), specialty: profile.specialty },
      signed: true,
      signedAt: entry.finalizedAt,
      contentHash: entry.contentHash,
      intact: true,
    });
    for (const secret of ['Joana', VALID_CPFS[1]!, SECRET_NOTE, MEDICINE, 'Ansiedade', 'F41', p.user.id, entry.id]) expect(res.body).not.toContain(secret);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('codes are random: two entries get unrelated codes', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const a = codeOf(await printedLink(d.cookie, 'evolution', (await signedEntry(d, p.user.id)).id));
    const b = codeOf(await printedLink(d.cookie, 'evolution', (await signedEntry(d, p.user.id)).id));
    expect(a).not.toBe(b);
    expect(await t.db.selectFrom('document_verifications').select('code').where('code', 'in', [a, b]).execute()).toHaveLength(2);
  });

  it('says when the stored content no longer matches what was signed', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const entry = await signedEntry(d, p.user.id);
    const code = codeOf(await printedLink(d.cookie, 'prescription', entry.id));
    await t.db.updateTable('prescription_items').set({ dose: '3 comprimidos' }).where('evolution_id', '=', entry.id).execute();
    const res = await verify(code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ signed: true, intact: false, contentHash: entry.contentHash });
  });

  it('answers 404 for an unknown code and for a code whose entry is not signed, 400 for a malformed one', async () => {
    const unknown = await verify('A'.repeat(22));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Documento não encontrado/);

    // A code can only be made by printing a signed entry; one pointing at a draft tells nothing.
    const d = await doctor();
    const p = await patientOf(d.user);
    const created = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id } });
    await t.db
      .insertInto('document_verifications')
      .values({ code: 'B'.repeat(22), evolution_id: created.json().id, created_at: new Date().toISOString() })
      .execute();
    expect((await verify('B'.repeat(22))).statusCode).toBe(404);

    for (const bad of ['123', 'A'.repeat(23), `${'A'.repeat(21)}!`]) expect((await verify(encodeURIComponent(bad))).statusCode, bad).toBe(400);
  });

  it('throttles each address: past the budget a 429 in plain words, other addresses unaffected', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < VERIFICATIONS_PER_MINUTE; i++) expect((await verify('C'.repeat(22), address)).statusCode).toBe(404);
    const refused = await verify('C'.repeat(22), address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toEqual({ code: 'too_many_requests', message: 'Muitas consultas seguidas. Aguarde um minuto e tente de novo.' });
    // Malformed guesses are refused from the same budget.
    expect((await verify('x', address)).statusCode).toBe(429);
    expect((await verify('C'.repeat(22), '10.9.9.10')).statusCode).toBe(404);
  });

  it('the print page refuses people outside the record, so they never learn a code', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const stranger = await doctor();
    const otherPatient = await patientOf(stranger.user);
    const entry = await signedEntry(d, p.user.id);
    for (const who of [stranger, otherPatient]) {
      const res = await t.request({ method: 'GET', url: `/api/documents/prescription/${entry.id}`, cookie: who.cookie });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('verificar');
    }
    expect(await t.db.selectFrom('document_verifications').select('code').where('evolution_id', '=', entry.id).execute()).toHaveLength(0);
  });
});

describe('GET /api/rooms/:code/evolution', () => {
  async function room(d: Person, patientId: string): Promise<string> {
    const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId } });
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  }

  it("gives the room's doctor the entry written in that call, null before one exists, and the draft once it does", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await room(d, p.user.id);
    const none = await t.request({ method: 'GET', url: `/api/rooms/${code}/evolution`, cookie: d.cookie });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toEqual({ evolution: null });

    const created = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });
    await t.request({
      method: 'PUT',
      url: `/api/evolutions/${created.json().id}`,
      cookie: d.cookie,
      payload: { version: 1, content: { notes: 'Rascunho da consulta' } },
    });
    const found = await t.request({ method: 'GET', url: `/api/rooms/${code}/evolution`, cookie: d.cookie });
    expect(found.json().evolution).toMatchObject({ id: created.json().id, status: 'draft', content: { notes: 'Rascunho da consulta' } });
  });

  it('refuses the patient of the room, another doctor, and an unknown room', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const other = await doctor();
    const code = await room(d, p.user.id);
    await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });

    const asPatient = await t.request({ method: 'GET', url: `/api/rooms/${code}/evolution`, cookie: p.cookie });
    expect(asPatient.statusCode).toBe(403);
    const asOther = await t.request({ method: 'GET', url: `/api/rooms/${code}/evolution`, cookie: other.cookie });
    expect([403, 404]).toContain(asOther.statusCode);
    expect(asOther.body).not.toContain('Rascunho');
    const unknown = await t.request({ method: 'GET', url: `/api/rooms/${code.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}/evolution`, cookie: d.cookie });
    expect([403, 404]).toContain(unknown.statusCode);
    const anonymous = await t.request({ method: 'GET', url: `/api/rooms/${code}/evolution` });
    expect(anonymous.statusCode).toBe(401);
  });
});
