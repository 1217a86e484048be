import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_CPFS } from '#tests/helpers/factories.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000', CLINIC_NAME: 'Clínica Bem Viver', CLINIC_ADDRESS: 'Rua das Flores, 100 — São Paulo/SP' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

const FULL = {
  content: { complaint: 'Tosse seca', notes: 'Melhora progressiva.' },
  diagnoses: [{ code: 'R05', description: 'Tosse' }],
  prescriptions: [{ medicine: 'Xarope de guaco', dose: '10 ml', route: 'oral', frequency: 'de 8 em 8 horas', duration: '5 dias', instructions: '' }],
};

async function draft(d: Person, patientId: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function signed(d: Person, patientId: string, extra: Record<string, unknown> = {}, body: Record<string, unknown> = FULL) {
  const e = await draft(d, patientId, extra);
  const saved = await t.request({ method: 'PUT', url: `/api/evolutions/${e.id}`, cookie: d.cookie, payload: { version: 1, ...body } });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await t.request({ method: 'POST', url: `/api/evolutions/${e.id}/finalize`, cookie: d.cookie, payload: { version: 2 } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function createRoom(d: Person, patientId: string, reason?: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId, ...(reason ? { reason } : {}) } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
}
/** Records a consultation in the room, as signaling would; `ended` closes it too. */
async function consultation(code: string, startedAt: string, ended = true): Promise<string> {
  const room = await t.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const id = randomUUID();
  await t.db
    .insertInto('consultations')
    .values({
      id,
      room_id: room.id,
      doctor_id: room.doctor_id,
      patient_id: room.patient_id,
      started_at: startedAt,
      ended_at: ended ? new Date(Date.parse(startedAt) + 600_000).toISOString() : null,
      duration_seconds: ended ? 600 : null,
      finalized_by: ended ? 'doctor' : null,
    })
    .execute();
  return id;
}
async function logRows(filter: { actorId?: string; patientId?: string }) {
  let q = t.db.selectFrom('record_access_log').selectAll();
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.patientId) q = q.where('patient_id', '=', filter.patientId);
  return q.orderBy('created_at').execute();
}

describe('GET /api/patients/:id/record', () => {
  it('gathers consent, every doctor\u2019s consultations and finals, own drafts and own rooms, and logs the read', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    await t.db
      .insertInto('consents')
      .values({ id: randomUUID(), patient_id: p.user.id, version: TCLE_VERSION, accepted_at: '2026-11-01T12:00:00.000Z', ip: null, user_agent: null })
      .execute();
    const myRoom = await createRoom(d, p.user.id, 'Retorno');
    const theirRoom = await createRoom(colleague, p.user.id, 'Primeira consulta');
    const c1 = await consultation(theirRoom, '2026-10-01T13:00:00.000Z');
    const c2 = await consultation(myRoom, '2026-11-20T13:00:00.000Z', false);
    const theirFinal = await signed(colleague, p.user.id, { roomCode: theirRoom });
    const myFinal = await signed(d, p.user.id);
    const myDraft = await draft(d, p.user.id, { roomCode: myRoom });
    await draft(colleague, p.user.id); // another doctor's draft: never shown
    const discarded = await draft(d, p.user.id);
    await t.request({ method: 'DELETE', url: `/api/evolutions/${discarded.id}`, cookie: d.cookie });

    const res = await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record`, cookie: d.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json();
    expect(record.consent).toEqual({ currentVersion: TCLE_VERSION, accepted: { version: TCLE_VERSION, acceptedAt: '2026-11-01T12:00:00.000Z' } });
    expect(record.consultations.nextCursor).toBeNull();
    expect(record.consultations.items).toEqual([
      {
        id: c2,
        startedAt: '2026-11-20T13:00:00.000Z',
        endedAt: null,
        durationSeconds: null,
        finalizedBy: null,
        kind: 'video',
        roomCode: myRoom,
        doctorName: d.user.name,
        reason: 'Retorno',
        note: null,
      },
      {
        id: c1,
        startedAt: '2026-10-01T13:00:00.000Z',
        endedAt: '2026-10-01T13:10:00.000Z',
        durationSeconds: 600,
        finalizedBy: 'doctor',
        kind: 'video',
        roomCode: theirRoom,
        doctorName: colleague.user.name,
        reason: 'Primeira consulta',
        note: null,
      },
    ]);
    expect(record.evolutions.nextCursor).toBeNull();
    expect(record.evolutions.items.map((e: { id: string }) => e.id)).toEqual([myDraft.id, myFinal.id, theirFinal.id]);
    const theirs = record.evolutions.items[2];
    expect(theirs).toMatchObject({ roomCode: theirRoom, consultation: { id: c1 }, diagnoses: FULL.diagnoses, prescriptions: FULL.prescriptions });
    expect(record.evolutions.items[0]).toMatchObject({ status: 'draft', consultation: { id: c2 } });
    expect(record.rooms).toEqual({
      items: [{ code: myRoom, status: 'open', reason: 'Retorno', scheduledAt: null, createdAt: expect.any(String) }],
      nextCursor: null,
    });
    expect((await logRows({ actorId: d.user.id })).map((l) => [l.action, l.patient_id, l.resource_id])).toEqual([['record.view', p.user.id, null]]);
  });

  it('shows a consent of an older version as the latest acceptance, and null without any', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const empty = await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record`, cookie: d.cookie });
    const none = { items: [], nextCursor: null };
    expect(empty.json()).toEqual({ consent: { currentVersion: TCLE_VERSION, accepted: null }, consultations: none, evolutions: none, rooms: none });
    await t.db
      .insertInto('consents')
      .values({ id: randomUUID(), patient_id: p.user.id, version: '2020-01-v0', accepted_at: '2020-01-02T00:00:00.000Z', ip: null, user_agent: null })
      .execute();
    const old = await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record`, cookie: d.cookie });
    expect(old.json().consent.accepted).toEqual({ version: '2020-01-v0', acceptedAt: '2020-01-02T00:00:00.000Z' });
  });

  it('answers 404 for a patient who is not theirs and 403 to patients and admins, logging nothing', async () => {
    const d = await doctor();
    const other = await doctor();
    const theirs = await patientOf(other.user);
    await signed(other, theirs.user.id);
    for (const id of [theirs.user.id, randomUUID(), other.user.id]) {
      const res = await t.request({ method: 'GET', url: `/api/patients/${id}/record`, cookie: d.cookie });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Paciente não encontrado.' } });
    }
    for (const cookie of [theirs.cookie, await admin()]) {
      expect((await t.request({ method: 'GET', url: `/api/patients/${theirs.user.id}/record`, cookie })).statusCode).toBe(403);
    }
    expect(await logRows({ patientId: theirs.user.id })).toEqual([]);
  });
});

describe('GET /api/me/history', () => {
  it('shows the patient\u2019s finished consultations and signed entries only, and logs the read', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const someoneElse = await patientOf(d.user);
    const room = await createRoom(d, p.user.id, 'Dor lombar');
    const done = await consultation(room, '2026-09-01T12:00:00.000Z');
    await consultation(await createRoom(d, p.user.id), '2026-11-25T12:00:00.000Z', false);
    const final = await signed(d, p.user.id, { roomCode: room });
    const root = await signed(d, p.user.id);
    const addendum = await signed(d, p.user.id, { amendsId: root.id }, { content: { notes: 'Correção.' } });
    await draft(d, p.user.id);
    await signed(d, someoneElse.user.id);

    const res = await t.request({ method: 'GET', url: '/api/me/history', cookie: p.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.consultations.nextCursor).toBeNull();
    expect(h.consultations.items).toEqual([
      {
        id: done,
        startedAt: '2026-09-01T12:00:00.000Z',
        endedAt: '2026-09-01T12:10:00.000Z',
        durationSeconds: 600,
        finalizedBy: 'doctor',
        kind: 'video',
        roomCode: room,
        doctorName: d.user.name,
        reason: 'Dor lombar',
        doctor: { id: d.user.id, name: d.user.name, crm: expect.stringMatching(/^CRM\/SP \d+$/), specialty: 'Clínica médica' },
      },
    ]);
    // Each entry is followed by the addenda that correct it.
    expect(h.entries).toMatchObject({ nextCursor: null });
    expect(h.entries.items.map((e: { id: string }) => e.id)).toEqual([root.id, addendum.id, final.id]);
    expect(h.entries.items.every((e: { status: string; patientId: string }) => e.status === 'final' && e.patientId === p.user.id)).toBe(true);
    expect((await logRows({ actorId: p.user.id })).map((l) => [l.action, l.patient_id])).toEqual([['history.view', p.user.id]]);
  });

  it('is for patients only', async () => {
    const d = await doctor();
    for (const cookie of [d.cookie, await admin()]) expect((await t.request({ method: 'GET', url: '/api/me/history', cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/me/history' })).statusCode).toBe(401);
  });
});

describe('GET /api/documents/:kind/:id', () => {
  it('gives the doctors of the patient and the patient a printable prescription with clinic, doctor, patient and addenda', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    await t.db.updateTable('doctor_profiles').set({ rqe: '12345', phone: '11987654321', specialty: 'Pneumologia' }).where('user_id', '=', d.user.id).execute();
    await t.db.updateTable('patient_profiles').set({ cpf: VALID_CPFS[0]!, birth_date: '1980-05-04' }).where('user_id', '=', p.user.id).execute();
    const root = await signed(d, p.user.id);
    const a1 = await signed(d, p.user.id, { amendsId: root.id }, { content: { notes: 'Adendo 1' } });
    const a2 = await signed(d, p.user.id, { amendsId: a1.id }, { content: { notes: 'Adendo 2' } });
    await draft(d, p.user.id, { amendsId: root.id }); // unsigned: not printed

    for (const who of [d, colleague, p]) {
      const res = await t.request({ method: 'GET', url: `/api/documents/prescription/${root.id}`, cookie: who.cookie });
      expect(res.statusCode, res.body).toBe(200);
      const doc = res.json();
      expect(doc).toMatchObject({
        kind: 'prescription',
        clinic: { name: 'Clínica Bem Viver', address: 'Rua das Flores, 100 — São Paulo/SP' },
        doctor: { name: d.user.name, crmUf: 'SP', rqe: '12345', specialty: 'Pneumologia', phone: '11987654321', email: d.user.email },
        patient: { name: p.user.name, cpf: VALID_CPFS[0], birthDate: '1980-05-04' },
        evolution: { id: root.id, status: 'final', prescriptions: FULL.prescriptions, contentHash: root.contentHash },
        issuedAt: expect.any(String),
      });
      expect(doc.addenda.map((a: { id: string }) => a.id)).toEqual([a1.id, a2.id]);
    }
    const evo = await t.request({ method: 'GET', url: `/api/documents/evolution/${root.id}`, cookie: p.cookie });
    expect(evo.json().kind).toBe('evolution');
    const log = await logRows({ patientId: p.user.id });
    expect(log.filter((l) => l.action === 'document.view').map((l) => [l.actor_id, l.resource_id])).toEqual([
      [d.user.id, root.id],
      [colleague.user.id, root.id],
      [p.user.id, root.id],
      [p.user.id, root.id],
    ]);
  });

  it('answers 404 to anyone else, 403 to admins, and logs nothing', async () => {
    const d = await doctor();
    const stranger = await doctor();
    const p = await patientOf(d.user);
    const otherPatient = await patientOf(d.user);
    const final = await signed(d, p.user.id);
    const discarded = await draft(d, p.user.id);
    await t.request({ method: 'DELETE', url: `/api/evolutions/${discarded.id}`, cookie: d.cookie });
    const cases: [Person, string][] = [
      [stranger, final.id],
      [otherPatient, final.id],
      [d, randomUUID()],
      [d, discarded.id],
    ];
    for (const [who, id] of cases) {
      for (const kind of ['evolution', 'prescription']) {
        const res = await t.request({ method: 'GET', url: `/api/documents/${kind}/${id}`, cookie: who.cookie });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Documento não encontrado.' } });
      }
    }
    expect((await t.request({ method: 'GET', url: `/api/documents/evolution/${final.id}`, cookie: await admin() })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/documents/receita/${final.id}`, cookie: d.cookie })).statusCode).toBe(400);
    expect((await logRows({ patientId: p.user.id })).filter((l) => l.action === 'document.view')).toEqual([]);
  });

  it('refuses drafts (409 to the author, 404 to the patient) and a prescription without items (409)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const toAuthor = await t.request({ method: 'GET', url: `/api/documents/evolution/${e.id}`, cookie: d.cookie });
    expect(toAuthor.statusCode).toBe(409);
    expect(toAuthor.json()).toEqual({ error: { code: 'evolution_not_final', message: 'Assine a evolução antes de imprimir.' } });
    expect((await t.request({ method: 'GET', url: `/api/documents/evolution/${e.id}`, cookie: p.cookie })).statusCode).toBe(404);
    const noRx = await signed(d, p.user.id, {}, { content: { notes: 'Sem receita.' } });
    const res = await t.request({ method: 'GET', url: `/api/documents/prescription/${noRx.id}`, cookie: d.cookie });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no_prescription');
    expect((await t.request({ method: 'GET', url: `/api/documents/evolution/${noRx.id}`, cookie: d.cookie })).statusCode).toBe(200);
  });
});

describe('access log', () => {
  it('the admin filters by patient, actor, action and clinic calendar days, newest first, with names and IP', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const p2 = await patientOf(d.user);
    const rows = [
      // 2026-03-09 23:30 in São Paulo (UTC-3): belongs to the 9th.
      { at: '2026-03-10T02:30:00.000Z', actor: d.user.id, patient: p.user.id, action: 'record.view' as const },
      // 2026-03-10 00:00 in São Paulo: the 10th.
      { at: '2026-03-10T03:00:00.000Z', actor: d.user.id, patient: p.user.id, action: 'evolution.view' as const },
      { at: '2026-03-11T02:59:59.999Z', actor: p.user.id, patient: p.user.id, action: 'history.view' as const },
      { at: '2026-03-11T03:00:00.000Z', actor: d.user.id, patient: p2.user.id, action: 'record.view' as const },
    ];
    const ids: string[] = [];
    for (const r of rows) {
      const id = randomUUID();
      ids.push(id);
      await t.db
        .insertInto('record_access_log')
        .values({ id, actor_id: r.actor, patient_id: r.patient, action: r.action, resource_id: null, ip: '10.0.0.7', user_agent: 'test', created_at: r.at })
        .execute();
    }
    const get = async (query: Record<string, string>) => {
      const res = await t.request({ method: 'GET', url: '/api/access-log', cookie: await admin(), query: { from: '2026-03-01', to: '2026-03-31', ...query } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const all = await get({});
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(all.items[0]).toEqual({
      id: ids[3],
      at: '2026-03-11T03:00:00.000Z',
      actor: { id: d.user.id, name: d.user.name, role: 'doctor' },
      patient: { id: p2.user.id, name: p2.user.name },
      action: 'record.view',
      resourceId: null,
      subject: null,
      ip: '10.0.0.7',
    });
    expect((await get({ patientId: p.user.id })).total).toBe(3);
    expect((await get({ actorId: p.user.id })).items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
    expect((await get({ action: 'record.view' })).items.map((i: { id: string }) => i.id)).toEqual([ids[3], ids[0]]);
    expect((await get({ from: '2026-03-10', to: '2026-03-10' })).items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    expect((await get({ from: '2026-03-09', to: '2026-03-09' })).items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect((await get({ from: '2026-03-11', to: '', patientId: p2.user.id, actorId: '' })).items.map((i: { id: string }) => i.id)).toEqual([ids[3]]);
    const page2 = await get({ pageSize: '3', page: '2' });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    const bad = await t.request({ method: 'GET', url: '/api/access-log', cookie: await admin(), query: { from: '10/03/2026' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.from).toBe('Data inválida.');
  });

  it('is for admins only', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const cookie of [d.cookie, p.cookie]) expect((await t.request({ method: 'GET', url: '/api/access-log', cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/access-log' })).statusCode).toBe(401);
  });

  it('a patient sees who else opened their record, without IPs; never their own reads or other patients\u2019', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const other = await patientOf(d.user);
    const final = await signed(d, p.user.id);
    await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record`, cookie: d.cookie, headers: { 'user-agent': 'Navegador do médico' } });
    await t.request({ method: 'GET', url: `/api/evolutions/${final.id}`, cookie: d.cookie });
    await t.request({ method: 'GET', url: `/api/documents/evolution/${final.id}`, cookie: p.cookie });
    await t.request({ method: 'GET', url: '/api/me/history', cookie: p.cookie });
    await t.request({ method: 'GET', url: `/api/patients/${other.user.id}/record`, cookie: d.cookie });

    const stored = await logRows({ actorId: d.user.id, patientId: p.user.id });
    expect(stored[0]).toMatchObject({ action: 'record.view', ip: '127.0.0.1', user_agent: 'Navegador do médico' });

    const res = await t.request({ method: 'GET', url: '/api/me/access-log', cookie: p.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json();
    expect(log.total).toBe(2);
    expect(log.items.map((i: { action: string }) => i.action).sort()).toEqual(['evolution.view', 'record.view']);
    expect(
      log.items.every(
        (i: { ip: string | null; actor: { id: string }; patient: { id: string } }) => i.ip === null && i.actor.id === d.user.id && i.patient.id === p.user.id,
      ),
    ).toBe(true);
    expect(log.items.find((i: { action: string }) => i.action === 'evolution.view').resourceId).toBe(final.id);
    const paged = await t.request({ method: 'GET', url: '/api/me/access-log', cookie: p.cookie, query: { pageSize: '1', page: '2' } });
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);

    for (const cookie of [d.cookie, await admin()]) expect((await t.request({ method: 'GET', url: '/api/me/access-log', cookie })).statusCode).toBe(403);
  });
});

describe('GET /api/patients lastConsultationAt', () => {
  it('is the start of this doctor\u2019s latest consultation with the patient, or null', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const seen = await patientOf(d.user, colleague.user);
    const never = await patientOf(d.user);
    await consultation(await createRoom(d, seen.user.id), '2026-05-01T12:00:00.000Z');
    await consultation(await createRoom(d, seen.user.id), '2026-06-15T12:00:00.000Z', false);
    await consultation(await createRoom(colleague, seen.user.id), '2026-08-01T12:00:00.000Z');
    const res = await t.request({ method: 'GET', url: '/api/patients', cookie: d.cookie });
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().items.map((i: { id: string; lastConsultationAt: string | null }) => [i.id, i.lastConsultationAt]));
    expect(byId.get(seen.user.id)).toBe('2026-06-15T12:00:00.000Z');
    expect(byId.get(never.user.id)).toBeNull();
    const theirs = await t.request({ method: 'GET', url: '/api/patients', cookie: colleague.cookie });
    expect(theirs.json().items.find((i: { id: string }) => i.id === seen.user.id).lastConsultationAt).toBe('2026-08-01T12:00:00.000Z');
  });
});
