import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const register = (who: Person | string, patientId: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/patients/${patientId}/consultations`, cookie: typeof who === 'string' ? who : who.cookie, payload });
const valid = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind: 'in_person',
  heldAt: hoursAgo(3),
  durationMinutes: 30,
  note: 'Retorno com exames.',
  ...over,
});
const billingOf = (consultationId: string) => t.db.selectFrom('billing_records').selectAll().where('consultation_id', '=', consultationId).execute();

describe('a consultation held in person or by phone', () => {
  it("is registered by the patient's doctor, billed like a video one and marked with its kind", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const input = valid({ kind: 'phone', durationMinutes: 20 });
    const res = await register(d, p.user.id, input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: input.id, kind: 'phone', durationSeconds: 1200, note: 'Retorno com exames.' });

    const row = await t.db.selectFrom('consultations').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ room_id: null, kind: 'phone', doctor_id: d.user.id, patient_id: p.user.id, finalized_by: 'doctor', started_at: input.heldAt });
    const [bill, ...more] = await billingOf(input.id);
    expect(more).toEqual([]);
    // Fees are the clinic's defaults unless a test changed them; the split adds up either way.
    expect(bill).toMatchObject({ kind: 'phone', status: 'billed', doctor_id: d.user.id, month: clinicMonthOf(row.ended_at!) });
    expect(bill!.clinic_cents + bill!.doctor_cents).toBe(bill!.price_cents);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', input.id).where('action', '=', 'consultation.registered').execute();
    expect(audit).toHaveLength(1);
  });

  it("shows on the record's timeline with its kind and note; the patient sees it without the note", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const input = valid();
    expect((await register(d, p.user.id, input)).statusCode).toBe(201);

    const record = await t.request({ method: 'GET', url: `/api/patients/${p.user.id}/record/consultations`, cookie: d.cookie });
    expect(record.statusCode).toBe(200);
    expect(record.json().items[0]).toMatchObject({ id: input.id, kind: 'in_person', roomCode: null, note: 'Retorno com exames.', durationSeconds: 1800 });

    const history = await t.request({ method: 'GET', url: '/api/me/history/consultations', cookie: p.cookie });
    expect(history.statusCode).toBe(200);
    const seen = history.json().items[0];
    expect(seen).toMatchObject({ id: input.id, kind: 'in_person' });
    expect(seen).not.toHaveProperty('note');
  });

  it('registers once however often the same request is retried, even at the same time', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const input = valid();
    const results = await Promise.all([register(d, p.user.id, input), register(d, p.user.id, input), register(d, p.user.id, input)]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(await t.db.selectFrom('consultations').select('id').where('id', '=', input.id).execute()).toHaveLength(1);
    expect(await billingOf(input.id)).toHaveLength(1);
    const audits = await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', input.id).where('action', '=', 'consultation.registered').execute();
    expect(audits).toHaveLength(1);

    // The same id for something else is refused, not silently merged.
    const other = await register(d, p.user.id, { ...input, kind: 'phone' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('consultation_id_taken');
  });

  it("is refused for someone else's patient (404), to a patient or an admin (403), and without a session (401)", async () => {
    const d = await doctor();
    const other = await doctor();
    const p = await patientOf(other.user);
    const res = await register(d, p.user.id, valid());
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Paciente não encontrado.');
    expect((await register(d, randomUUID(), valid())).statusCode).toBe(404);

    const mine = await patientOf(d.user);
    expect((await register(mine, mine.user.id, valid())).statusCode).toBe(403);
    expect((await register(await admin(), mine.user.id, valid())).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/patients/${mine.user.id}/consultations`, payload: valid() })).statusCode).toBe(401);
    expect(await t.db.selectFrom('consultations').select('id').where('patient_id', 'in', [p.user.id, mine.user.id]).execute()).toEqual([]);
  });

  it('refuses a kind that needs a room, a date in the future or too old, an absurd duration and a long note, field by field', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'video' }, 'kind'],
      [{ kind: 'visita' }, 'kind'],
      [{ heldAt: new Date(Date.now() + 3_600_000).toISOString() }, 'heldAt'],
      [{ heldAt: hoursAgo(24 * 91) }, 'heldAt'],
      [{ heldAt: 'ontem' }, 'heldAt'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: 10_000 }, 'durationMinutes'],
      [{ durationMinutes: '30' }, 'durationMinutes'],
      [{ note: 'x'.repeat(1001) }, 'note'],
      [{ id: 'não-é-uuid' }, 'id'],
    ];
    for (const [over, field] of cases) {
      const res = await register(d, p.user.id, valid(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(over)).toContain(field);
    }
    expect(await t.db.selectFrom('consultations').select('id').where('patient_id', '=', p.user.id).execute()).toEqual([]);
  });
});

describe('migration 2026-12-01T14-00-outside-consultations', () => {
  it('keeps a video consultation tied to its room and any other kind without one, in the database itself', async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    const base = {
      doctor_id: d.user.id,
      patient_id: p.user.id,
      started_at: hoursAgo(1),
      ended_at: null,
      duration_seconds: null,
      finalized_by: null,
      doctor_connected_at: null,
      patient_connected_at: null,
    };
    await expect(
      t.db
        .insertInto('consultations')
        .values({ ...base, id: randomUUID(), room_id: null })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('consultations')
        .values({ ...base, id: randomUUID(), room_id: null, kind: 'phone' })
        .execute(),
    ).resolves.toBeDefined();
    const room = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId: p.user.id } });
    const roomId = (await t.db.selectFrom('rooms').select('id').where('code', '=', room.json().code).executeTakeFirstOrThrow()).id;
    await expect(
      t.db
        .insertInto('consultations')
        .values({ ...base, id: randomUUID(), room_id: roomId, kind: 'in_person' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto('consultations')
        .values({ ...base, id: randomUUID(), room_id: randomUUID(), kind: 'video' })
        .execute(),
    ).rejects.toThrow();
  });
});
