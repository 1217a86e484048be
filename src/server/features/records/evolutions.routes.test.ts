import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, login } from '#tests/helpers/factories.ts';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { Db } from '#server/db/database.ts';
import { contentHashOf } from './record-views';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf } = signedInPeople(() => t);

async function count(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}
async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['evolutions', 'evolution_diagnoses', 'prescription_items', 'audit_log', 'record_access_log']) out[table] = await count(t.db, table);
  return out;
}

const FULL = {
  content: { complaint: 'Dor de garganta há 3 dias', exam: 'Orofaringe hiperemiada', notes: 'Orientado repouso e hidratação.' },
  diagnoses: [{ code: 'j069', description: 'Infecção aguda das vias aéreas superiores' }],
  prescriptions: [
    { medicine: 'Paracetamol 500 mg', dose: '1 comprimido', route: 'oral', frequency: 'de 6 em 6 horas', duration: '3 dias', instructions: 'Se dor ou febre.' },
  ],
};

async function draft(d: Person, patientId: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function save(d: Person, id: string, version: number, body: Record<string, unknown> = FULL) {
  return t.request({ method: 'PUT', url: `/api/evolutions/${id}`, cookie: d.cookie, payload: { version, ...body } });
}
async function finalize(d: Person, id: string, version: number) {
  return t.request({ method: 'POST', url: `/api/evolutions/${id}/finalize`, cookie: d.cookie, payload: { version } });
}
/** A signed entry with FULL content. */
async function signed(d: Person, patientId: string, extra: Record<string, unknown> = {}, body: Record<string, unknown> = FULL) {
  const e = await draft(d, patientId, extra);
  const saved = await save(d, e.id, e.version, body);
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await finalize(d, e.id, saved.json().version);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function createRoom(d: Person, patientId: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
}
async function row(id: string) {
  return t.db.selectFrom('evolutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
async function auditRows(action: string, entityId: string) {
  return t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
}

describe('POST /api/evolutions', () => {
  it('creates an empty draft for the doctor\u2019s own patient', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    expect(e).toMatchObject({
      patientId: p.user.id,
      doctor: { id: d.user.id, name: d.user.name, crm: expect.stringMatching(/^CRM\/SP \d+$/), specialty: 'Clínica médica' },
      kind: 'evolution',
      amendsId: null,
      status: 'draft',
      roomCode: null,
      consultation: null,
      content: { complaint: '', history: '', exam: '', plan: '', notes: '' },
      diagnoses: [],
      prescriptions: [],
      version: 1,
      finalizedAt: null,
      contentHash: null,
    });
    expect(await auditRows('evolution.created', e.id)).toHaveLength(1);
  });

  it('answers 404 for another doctor\u2019s patient, an unknown one or a doctor id, and writes nothing', async () => {
    const d = await doctor();
    const other = await doctor();
    const theirs = await patientOf(other.user);
    const before = await snapshot();
    for (const patientId of [theirs.user.id, randomUUID(), other.user.id]) {
      const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Paciente não encontrado.' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('with a roomCode, returns the doctor\u2019s entry for that call instead of creating another (200)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const first = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });
    expect(first.statusCode).toBe(201);
    expect(first.json().roomCode).toBe(code);
    const again = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    // Still the same entry once signed.
    const saved = await save(d, first.json().id, 1);
    await finalize(d, first.json().id, saved.json().version);
    const afterSign = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });
    expect(afterSign.statusCode).toBe(200);
    expect(afterSign.json()).toMatchObject({ id: first.json().id, status: 'final' });
  });

  it('creates a new entry for the room once the previous draft was discarded', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const first = await draft(d, p.user.id, { roomCode: code });
    expect((await t.request({ method: 'DELETE', url: `/api/evolutions/${first.id}`, cookie: d.cookie })).statusCode).toBe(200);
    const second = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } });
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.id);
  });

  it('concurrent get-or-create calls for one room yield one entry', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const code = await createRoom(d, p.user.id);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode: code } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const room = await t.db.selectFrom('rooms').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('evolutions').select('id').where('room_id', '=', room.id).execute()).toHaveLength(1);
  });

  it('refuses a room that is not this doctor\u2019s and this patient\u2019s (404)', async () => {
    const d = await doctor();
    const other = await doctor();
    const p = await patientOf(d.user, other.user);
    const p2 = await patientOf(d.user);
    const theirRoom = await createRoom(other, p.user.id);
    const roomOfP2 = await createRoom(d, p2.user.id);
    const before = await snapshot();
    for (const roomCode of [theirRoom, roomOfP2, 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, roomCode } });
      expect(res.statusCode, roomCode).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('validates the input', async () => {
    const d = await doctor();
    for (const payload of [{}, { patientId: 'x' }, { patientId: randomUUID(), roomCode: 'curto' }, { patientId: randomUUID(), amendsId: 'x' }]) {
      const res = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
    }
  });
});

describe('GET /api/evolutions/:id', () => {
  it('shows own drafts and the finals of any doctor of the patient, and logs each read', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const mine = await draft(d, p.user.id);
    const res = await t.request({ method: 'GET', url: `/api/evolutions/${mine.id}`, cookie: d.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(mine.id);
    const final = await signed(colleague, p.user.id);
    const shared = await t.request({ method: 'GET', url: `/api/evolutions/${final.id}`, cookie: d.cookie });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ status: 'final', doctor: { id: colleague.user.id } });
    const log = await t.db.selectFrom('record_access_log').selectAll().where('actor_id', '=', d.user.id).orderBy('created_at').execute();
    expect(log.map((l) => [l.action, l.patient_id, l.resource_id])).toEqual([
      ['evolution.view', p.user.id, mine.id],
      ['evolution.view', p.user.id, final.id],
    ]);
  });

  it('answers 404 for another doctor\u2019s draft, a patient who is not theirs, a discarded or an unknown entry, without logging', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const stranger = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const theirDraft = await draft(colleague, p.user.id);
    const final = await signed(colleague, p.user.id);
    const discarded = await draft(d, p.user.id);
    await t.request({ method: 'DELETE', url: `/api/evolutions/${discarded.id}`, cookie: d.cookie });
    const before = await snapshot();
    const cases: [Person, string][] = [
      [d, theirDraft.id],
      [stranger, final.id],
      [stranger, theirDraft.id],
      [d, discarded.id],
      [d, randomUUID()],
    ];
    for (const [who, id] of cases) {
      const res = await t.request({ method: 'GET', url: `/api/evolutions/${id}`, cookie: who.cookie });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Evolução não encontrada.' } });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('PUT /api/evolutions/:id', () => {
  it('saves a draft: replaces the text and rows, normalizes CID-10 codes and bumps the version', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const res = await save(d, e.id, 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      status: 'draft',
      content: { ...FULL.content, history: '', plan: '' },
      diagnoses: [{ code: 'J06.9', description: FULL.diagnoses[0]!.description }],
      prescriptions: FULL.prescriptions,
    });
    const second = await save(d, e.id, 2, {
      content: { notes: 'Só texto' },
      diagnoses: [
        { code: 'R50', description: '' },
        { code: 'J0', description: 'em digitação' },
      ],
      prescriptions: [],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      version: 3,
      content: { complaint: '', notes: 'Só texto' },
      diagnoses: [
        { code: 'R50', description: '' },
        { code: 'J0', description: 'em digitação' },
      ],
      prescriptions: [],
    });
    expect(await t.db.selectFrom('prescription_items').select('id').where('evolution_id', '=', e.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('evolution_diagnoses').select('id').where('evolution_id', '=', e.id).execute()).toHaveLength(2);
  });

  it('stores and returns HTML and scripts verbatim (the web shows them as text)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> & "aspas"';
    const res = await save(d, e.id, 1, { content: { notes: html }, diagnoses: [{ code: 'Z00', description: '<b>negrito</b>' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().content.notes).toBe(html);
    expect((await row(e.id)).notes).toBe(html);
    const read = await t.request({ method: 'GET', url: `/api/evolutions/${e.id}`, cookie: d.cookie });
    expect(read.json().content.notes).toBe(html);
    expect(read.json().diagnoses[0].description).toBe('<b>negrito</b>');
  });

  it('refuses a stale version with 409 version_conflict and keeps the newer text', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    expect((await save(d, e.id, 1, { content: { notes: 'aba 1' } })).statusCode).toBe(200);
    const stale = await save(d, e.id, 1, { content: { notes: 'aba 2' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      error: { code: 'version_conflict', message: 'Esta evolução foi alterada em outra aba ou aparelho. Recarregue a página para ver a versão mais nova.' },
    });
    expect(await row(e.id)).toMatchObject({ notes: 'aba 1', version: 2 });
  });

  it('two concurrent saves of the same version: one wins, the other gets 409', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const results = await Promise.all([save(d, e.id, 1, { content: { notes: 'A' } }), save(d, e.id, 1, { content: { notes: 'B' } })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(await row(e.id)).toMatchObject({ version: 2, notes: winner.content.notes });
  });

  it('refuses to edit a signed entry (409 evolution_final) and leaves its rows alone', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const final = await signed(d, p.user.id);
    const before = { row: await row(final.id), snap: await snapshot() };
    const res = await save(d, final.id, final.version, { content: { notes: 'mudado' }, diagnoses: [], prescriptions: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'evolution_final', message: 'Esta evolução já foi assinada e não pode ser alterada. Para corrigir, adicione um adendo.' },
    });
    expect({ row: await row(final.id), snap: await snapshot() }).toEqual(before);
  });

  it('answers 404 for another doctor\u2019s draft or a patient who is not theirs, and changes nothing', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const theirs = await draft(colleague, p.user.id);
    const before = await row(theirs.id);
    const res = await save(d, theirs.id, 1);
    expect(res.statusCode).toBe(404);
    const stranger = await doctor();
    expect((await save(stranger, theirs.id, 1)).statusCode).toBe(404);
    expect(await row(theirs.id)).toEqual(before);
  });

  it('refuses a blank prescription row, a note over the limit and a too-large body with clear messages', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const blank = await save(d, e.id, 1, { content: {}, prescriptions: [{ medicine: ' ', dose: '' }] });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields['prescriptions.0']).toBe('Item de receita vazio: preencha ou remova a linha.');
    const long = await save(d, e.id, 1, { content: { notes: 'a'.repeat(21_000) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields['content.notes']).toBe('Texto longo demais: o limite é de 20.000 caracteres por campo.');
    const huge = await save(d, e.id, 1, { content: { notes: 'a'.repeat(1_100_000) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({ error: { code: 'payload_too_large', message: 'Os dados enviados são grandes demais.' } });
    expect(await row(e.id)).toMatchObject({ version: 1, notes: '' });
  });
});

describe('POST /api/evolutions/:id/finalize', () => {
  it('signs a complete draft with a stable SHA-256 of its content and audits it', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const final = await signed(d, p.user.id);
    expect(final).toMatchObject({ status: 'final', version: 2, finalizedAt: expect.any(String), diagnoses: [{ code: 'J06.9' }] });
    expect(final.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const recomputed = contentHashOf({
      id: final.id,
      patientId: p.user.id,
      doctorId: d.user.id,
      kind: 'evolution',
      amendsId: null,
      finalizedAt: final.finalizedAt,
      content: final.content,
      diagnoses: final.diagnoses,
      prescriptions: final.prescriptions,
    });
    expect(final.contentHash).toBe(recomputed);
    // Any change to what was signed changes the hash.
    expect(
      contentHashOf({
        id: final.id,
        patientId: p.user.id,
        doctorId: d.user.id,
        kind: 'evolution',
        amendsId: null,
        finalizedAt: final.finalizedAt,
        content: { ...final.content, notes: 'x' },
        diagnoses: final.diagnoses,
        prescriptions: final.prescriptions,
      }),
    ).not.toBe(recomputed);
    expect(await auditRows('evolution.finalized', final.id)).toHaveLength(1);
    // Signing again is a no-op that returns the same entry.
    const again = await finalize(d, final.id, 1);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(final);
    expect(await auditRows('evolution.finalized', final.id)).toHaveLength(1);
  });

  it('three concurrent signatures: one final entry, one audit row, the same answer for all', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const saved = (await save(d, e.id, 1)).json();
    const results = await Promise.all([1, 2, 3].map(() => finalize(d, e.id, saved.version)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.json().contentHash)).size).toBe(1);
    expect(await auditRows('evolution.finalized', e.id)).toHaveLength(1);
    expect(await row(e.id)).toMatchObject({ status: 'final', content_hash: results[0]!.json().contentHash });
  });

  it('runs the strict checks on the stored draft and answers 400 with per-row fields', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const empty = await finalize(d, e.id, 1);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'validation_error', fields: { content: 'Escreva a evolução antes de assinar.' } });
    const saved = await save(d, e.id, 1, {
      content: { notes: 'Paciente estável.' },
      diagnoses: [{ code: 'XX1', description: 'Algo' }],
      prescriptions: [FULL.prescriptions[0], { medicine: 'Dipirona', frequency: '8/8h' }],
    });
    const res = await finalize(d, e.id, saved.json().version);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_error');
    expect(res.json().error.fields).toEqual({
      'diagnoses.0.code': 'Código CID-10 inválido. Use o formato letra + dois números, ex.: J06.9.',
      'prescriptions.1.dose': 'Informe a dose.',
    });
    expect(await row(e.id)).toMatchObject({ status: 'draft', content_hash: null, finalized_at: null });
    expect(await auditRows('evolution.finalized', e.id)).toHaveLength(0);
  });

  it('refuses a stale version (409) and another doctor\u2019s draft (404)', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const e = await draft(d, p.user.id);
    await save(d, e.id, 1);
    const stale = await finalize(d, e.id, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await finalize(colleague, e.id, 2)).statusCode).toBe(404);
    expect((await row(e.id)).status).toBe('draft');
  });

  it('a colleague "signing" someone else’s final entry gets 409 and no content, and nothing is logged', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const final = await signed(d, p.user.id);
    const logged = await count(t.db, 'record_access_log');
    const res = await finalize(colleague, final.id, final.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('evolution_final');
    expect(res.body).not.toContain(final.content.notes);
    expect(await count(t.db, 'record_access_log')).toBe(logged);
  });
});

describe('DELETE /api/evolutions/:id', () => {
  it('discards an own draft but keeps the row', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    await save(d, e.id, 1);
    const res = await t.request({ method: 'DELETE', url: `/api/evolutions/${e.id}`, cookie: d.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await row(e.id)).toMatchObject({ status: 'discarded', discarded_at: expect.any(String), notes: FULL.content.notes });
    expect(await t.db.selectFrom('prescription_items').select('id').where('evolution_id', '=', e.id).execute()).toHaveLength(1);
    expect(await auditRows('evolution.discarded', e.id)).toHaveLength(1);
    expect((await t.request({ method: 'GET', url: `/api/evolutions/${e.id}`, cookie: d.cookie })).statusCode).toBe(404);
    expect((await save(d, e.id, 2)).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/evolutions/${e.id}`, cookie: d.cookie })).statusCode).toBe(404);
  });

  it('with a stale version (another tab saved newer text) refuses with 409 and keeps the draft', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    await save(d, e.id, 1);
    const stale = await t.request({ method: 'DELETE', url: `/api/evolutions/${e.id}?version=1`, cookie: d.cookie });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await row(e.id)).status).toBe('draft');
    expect((await t.request({ method: 'DELETE', url: `/api/evolutions/${e.id}?version=2`, cookie: d.cookie })).statusCode).toBe(200);
    expect((await row(e.id)).status).toBe('discarded');
  });

  it('refuses a signed entry (409) and another doctor\u2019s draft (404)', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const final = await signed(d, p.user.id);
    const res = await t.request({ method: 'DELETE', url: `/api/evolutions/${final.id}`, cookie: d.cookie });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('evolution_final');
    const theirs = await draft(colleague, p.user.id);
    expect((await t.request({ method: 'DELETE', url: `/api/evolutions/${theirs.id}`, cookie: d.cookie })).statusCode).toBe(404);
    expect((await row(final.id)).status).toBe('final');
    expect((await row(theirs.id)).status).toBe('draft');
  });
});

describe('addenda', () => {
  it('only the author adds one, always pointing at the root entry, and it is signed like any draft', async () => {
    const d = await doctor();
    const colleague = await doctor();
    const p = await patientOf(d.user, colleague.user);
    const root = await signed(d, p.user.id);
    const add = await draft(d, p.user.id, { amendsId: root.id });
    expect(add).toMatchObject({ kind: 'addendum', amendsId: root.id, status: 'draft' });
    const addSigned = (await finalize(d, add.id, (await save(d, add.id, 1, { content: { notes: 'Correção: dose ajustada.' } })).json().version)).json();
    expect(addSigned).toMatchObject({ status: 'final', kind: 'addendum', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // An addendum to the addendum points at the root.
    const second = await draft(d, p.user.id, { amendsId: addSigned.id });
    expect(second.amendsId).toBe(root.id);

    const other = await patientOf(d.user);
    const before = await snapshot();
    const notAuthor = await t.request({
      method: 'POST',
      url: '/api/evolutions',
      cookie: colleague.cookie,
      payload: { patientId: p.user.id, amendsId: root.id },
    });
    expect(notAuthor.statusCode).toBe(403);
    expect(notAuthor.json()).toEqual({ error: { code: 'forbidden', message: 'Só o médico que assinou esta evolução pode adicionar um adendo a ela.' } });
    const toDraft = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, amendsId: second.id } });
    expect(toDraft.statusCode).toBe(409);
    expect(toDraft.json().error.code).toBe('evolution_not_final');
    const wrongPatient = await t.request({
      method: 'POST',
      url: '/api/evolutions',
      cookie: d.cookie,
      payload: { patientId: other.user.id, amendsId: root.id },
    });
    expect(wrongPatient.statusCode).toBe(404);
    const unknown = await t.request({ method: 'POST', url: '/api/evolutions', cookie: d.cookie, payload: { patientId: p.user.id, amendsId: randomUUID() } });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await row(root.id)).toMatchObject({ status: 'final', content_hash: root.contentHash });
  });
});

describe('access control on evolution routes', () => {
  it('refuses patients and admins (403), anonymous callers (401) and foreign origins (403)', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const e = await draft(d, p.user.id);
    const adminCookie = await login(t, await createAdmin(t.db));
    const routes = [
      { method: 'POST' as const, url: '/api/evolutions', payload: { patientId: p.user.id } },
      { method: 'GET' as const, url: `/api/evolutions/${e.id}` },
      { method: 'PUT' as const, url: `/api/evolutions/${e.id}`, payload: { version: 1, ...FULL } },
      { method: 'POST' as const, url: `/api/evolutions/${e.id}/finalize`, payload: { version: 1 } },
      { method: 'DELETE' as const, url: `/api/evolutions/${e.id}` },
    ];
    const before = { snap: await snapshot(), row: await row(e.id) };
    for (const route of routes) {
      for (const cookie of [p.cookie, adminCookie]) {
        const res = await t.request({ ...route, cookie });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      expect((await t.request(route)).statusCode).toBe(401);
      if (route.method !== 'GET') {
        const evil = await t.request({ ...route, cookie: d.cookie, headers: { origin: 'https://evil.example' } });
        expect(evil.statusCode).toBe(403);
        expect(evil.json().error.code).toBe('bad_origin');
        const none = await t.app.inject({ ...route, headers: { cookie: d.cookie, host: 'localhost:80' } });
        expect(none.statusCode).toBe(403);
      }
    }
    expect({ snap: await snapshot(), row: await row(e.id) }).toEqual(before);
  });
});
