import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

/** A finished video consultation of this doctor, `minutes` long, ending at `endedAt`; returns its billing record id. */
async function finished(d: Person, minutes: number, endedAt = new Date().toISOString()): Promise<string> {
  const p = await patientOf(d.user);
  const code = (await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId: p.user.id } })).json().code as string;
  const room = await t.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const started = new Date(Date.now() - minutes * 60_000).toISOString();
  const id = randomUUID();
  await t.db
    .insertInto('consultations')
    .values({
      id,
      room_id: room.id,
      doctor_id: d.user.id,
      patient_id: p.user.id,
      started_at: started,
      ended_at: null,
      duration_seconds: null,
      finalized_by: null,
      doctor_connected_at: started,
      patient_connected_at: started,
    })
    .execute();
  expect((await t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie })).statusCode).toBe(200);
  // Place it in time as the test needs (the month stays São Paulo's of the new end).
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit' }).format(new Date(endedAt)).slice(0, 7);
  await t.db.updateTable('billing_records').set({ finished_at: endedAt, month }).where('consultation_id', '=', id).execute();
  return (await t.db.selectFrom('billing_records').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow()).id;
}

const get = async (url: string, cookie: string) => t.request({ method: 'GET', url, cookie });
const decide = async (id: string, action: string, payload: Record<string, unknown> = {}, cookie?: string) =>
  t.request({ method: 'POST', url: `/api/billing/${id}/${action}`, cookie: cookie ?? (await admin()), payload });

describe('billing history', () => {
  it('lists every record for the admin, newest first, filtered by doctor, month and status, a page at a time', async () => {
    const d = await doctor();
    const ids = [
      await finished(d, 30, '2026-09-10T15:00:00.000Z'),
      await finished(d, 30, '2026-10-10T15:00:00.000Z'),
      await finished(d, 30, '2026-10-20T15:00:00.000Z'),
      await finished(d, 1, '2026-10-25T15:00:00.000Z'),
    ];
    const adminCookie = await admin();
    const first = await get(`/api/billing?doctorId=${d.user.id}&limit=2`, adminCookie);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((r: { id: string }) => r.id)).toEqual([ids[3], ids[2]]);
    const second = await get(`/api/billing?doctorId=${d.user.id}&limit=2&cursor=${first.json().nextCursor}`, adminCookie);
    expect(second.json().items.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]]);
    expect(second.json().nextCursor).toBeNull();
    const october = await get(`/api/billing?doctorId=${d.user.id}&month=2026-10&status=billed`, adminCookie);
    expect(october.json().items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(october.json().items[0]).toMatchObject({
      doctor: { id: d.user.id, name: d.user.name },
      priceCents: expect.any(Number),
      status: 'billed',
      kind: 'video',
    });
    for (const bad of ['month=2026-13', 'status=pago', 'doctorId=123', 'cursor=%%%', 'limit=101']) {
      expect((await get(`/api/billing?${bad}`, adminCookie)).statusCode, bad).toBe(400);
    }
  });

  it('shows a doctor only their own records, whatever they ask, and nothing to a patient', async () => {
    const d = await doctor();
    const other = await doctor();
    const mine = await finished(d, 30);
    const theirs = await finished(other, 30);
    const own = await get(`/api/me/billing?doctorId=${other.user.id}`, d.cookie);
    expect(own.statusCode).toBe(200);
    const ownIds = own.json().items.map((r: { id: string }) => r.id);
    expect(ownIds).toContain(mine);
    expect(ownIds).not.toContain(theirs);
    expect((await get('/api/billing', d.cookie)).statusCode).toBe(403);
    const p = await patientOf(d.user);
    expect((await get('/api/billing', p.cookie)).statusCode).toBe(403);
    expect((await get('/api/me/billing', p.cookie)).statusCode).toBe(403);
  });
});

describe('the admin decides', () => {
  it('approves a record under review once; a second approval, concurrent or later, gets 409', async () => {
    const d = await doctor();
    const id = await finished(d, 1);
    const answers = await Promise.all([decide(id, 'approve'), decide(id, 'approve', { note: 'Chamada curta, mas aconteceu.' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const ok = answers.find((a) => a.statusCode === 200)!.json();
    expect(ok).toMatchObject({ id, status: 'billed', decidedBy: { name: expect.any(String) }, decidedAt: expect.any(String) });
    const late = await decide(id, 'approve');
    expect(late.json().error).toEqual({ code: 'billing_already_decided', message: 'Este registro já está faturado.' });
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'billing.approved').where('entity_id', '=', id).execute()).toHaveLength(1);
  });

  it('rejects one under review only with a reason, and keeps it', async () => {
    const d = await doctor();
    const id = await finished(d, 1);
    expect((await decide(id, 'reject', {})).statusCode).toBe(400);
    expect((await decide(id, 'reject', { reason: 'ok' })).statusCode).toBe(400);
    const res = await decide(id, 'reject', { reason: 'Não houve consulta: o paciente não entrou.' });
    expect(res.json()).toMatchObject({ status: 'rejected', note: 'Não houve consulta: o paciente não entrou.' });
    expect((await decide(id, 'approve')).statusCode).toBe(409);
    expect(await t.db.selectFrom('billing_records').select('status').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'rejected' });
  });

  it('voids a billed record with a reason, once, never deleting it; an unknown record is 404', async () => {
    const d = await doctor();
    const id = await finished(d, 30);
    expect((await decide(id, 'approve')).statusCode).toBe(409);
    const res = await decide(id, 'void', { reason: 'Consulta registrada em duplicidade.' });
    expect(res.json()).toMatchObject({ status: 'voided', note: 'Consulta registrada em duplicidade.' });
    expect((await decide(id, 'void', { reason: 'De novo.' })).json().error.code).toBe('billing_already_decided');
    expect(await t.db.selectFrom('billing_records').select('id').where('id', '=', id).execute()).toHaveLength(1);
    expect((await decide(randomUUID(), 'void', { reason: 'Não existe.' })).statusCode).toBe(404);
  });

  it("is the admin's alone", async () => {
    const d = await doctor();
    const id = await finished(d, 1);
    const p = await patientOf(d.user);
    for (const who of [d, p]) {
      for (const action of ['approve', 'reject', 'void']) expect((await decide(id, action, { reason: 'Eu decido.' }, who.cookie)).statusCode).toBe(403);
    }
    expect(await t.db.selectFrom('billing_records').select('status').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'under_review' });
  });
});

describe('billing summary', () => {
  it('sums billed records by São Paulo month and by doctor; under review counted apart; a doctor sees only theirs', async () => {
    const a = await doctor();
    const b = await doctor();
    // A month no other test in this file uses.
    const month = '2025-03';
    await finished(a, 30, '2025-03-05T15:00:00.000Z');
    await finished(a, 30, '2025-04-01T02:00:00.000Z'); // 31/03 23:00 in São Paulo
    await finished(b, 30, '2025-03-20T15:00:00.000Z');
    await finished(b, 1, '2025-03-21T15:00:00.000Z'); // under review
    const voided = await finished(b, 30, '2025-03-22T15:00:00.000Z');
    expect((await decide(voided, 'void', { reason: 'Lançado por engano.' })).statusCode).toBe(200);
    const rec = await t.db
      .selectFrom('billing_records')
      .select(['price_cents', 'clinic_cents', 'doctor_cents'])
      .where('doctor_id', '=', a.user.id)
      .executeTakeFirstOrThrow();

    const res = await get(`/api/billing/summary?month=${month}`, await admin());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.months[0].month).toBe('2024-04');
    const march = body.months.at(-1);
    expect(march).toMatchObject({
      month,
      consultations: 3,
      grossCents: 3 * rec.price_cents,
      clinicCents: 3 * rec.clinic_cents,
      doctorCents: 3 * rec.doctor_cents,
      underReview: 1,
    });
    expect(body.months[10]).toMatchObject({ month: '2025-02', consultations: 0, grossCents: 0 });
    const mine = body.byDoctor.filter((d: { doctor: { id: string } }) => [a.user.id, b.user.id].includes(d.doctor.id));
    expect(mine).toEqual([
      {
        doctor: { id: a.user.id, name: a.user.name },
        consultations: 2,
        grossCents: 2 * rec.price_cents,
        clinicCents: 2 * rec.clinic_cents,
        doctorCents: 2 * rec.doctor_cents,
      },
      {
        doctor: { id: b.user.id, name: b.user.name },
        consultations: 1,
        grossCents: rec.price_cents,
        clinicCents: rec.clinic_cents,
        doctorCents: rec.doctor_cents,
      },
    ]);

    const own = (await get(`/api/me/billing/summary?month=${month}`, b.cookie)).json();
    expect(own.byDoctor).toEqual([
      {
        doctor: { id: b.user.id, name: b.user.name },
        consultations: 1,
        grossCents: rec.price_cents,
        clinicCents: rec.clinic_cents,
        doctorCents: rec.doctor_cents,
      },
    ]);
    expect(own.months.at(-1)).toMatchObject({ consultations: 1, underReview: 1 });
    expect((await get('/api/billing/summary', b.cookie)).statusCode).toBe(403);
    expect((await get('/api/billing/summary?month=2025-3', await admin())).statusCode).toBe(400);
  });
});
