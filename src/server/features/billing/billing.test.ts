import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { finalizeRoom } from '#server/features/rooms/rooms.service.ts';
import { billFinishedConsultation } from './billing.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => t.close());

const { doctor, patientOf, admin } = signedInPeople(() => t);

/** A room of this doctor whose call started `secondsAgo` ago (as signaling records it). */
async function callInProgress(d: Person, secondsAgo: number): Promise<{ code: string; roomId: string; consultationId: string }> {
  const p = await patientOf(d.user);
  const res = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId: p.user.id } });
  expect(res.statusCode).toBe(201);
  const code = res.json().code as string;
  const room = await t.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const started = new Date(Date.now() - secondsAgo * 1000).toISOString();
  const consultationId = randomUUID();
  await t.db
    .insertInto('consultations')
    .values({
      id: consultationId,
      room_id: room.id,
      doctor_id: room.doctor_id,
      patient_id: room.patient_id,
      started_at: started,
      ended_at: null,
      duration_seconds: null,
      finalized_by: null,
      doctor_connected_at: started,
      patient_connected_at: started,
    })
    .execute();
  return { code, roomId: room.id, consultationId };
}

const finalize = (d: Person, code: string) => t.request({ method: 'POST', url: `/api/rooms/${code}/finalize`, cookie: d.cookie });
const recordsOf = (consultationId: string) => t.db.selectFrom('billing_records').selectAll().where('consultation_id', '=', consultationId).execute();
const setClinicFees = async (payload: Record<string, unknown>) => t.request({ method: 'PUT', url: '/api/fees', cookie: await admin(), payload });

describe('a finished consultation is billed once, at the fees of that moment', () => {
  it('creates one record with the price, the clinic share, the split and the São Paulo month', async () => {
    await setClinicFees({ price: 'R$ 150,00', share: '20', reviewBelowMinutes: 2 });
    const d = await doctor();
    const call = await callInProgress(d, 600);
    expect((await finalize(d, call.code)).statusCode).toBe(200);
    const [record, ...more] = await recordsOf(call.consultationId);
    expect(more).toEqual([]);
    const consultation = await t.db.selectFrom('consultations').selectAll().where('id', '=', call.consultationId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      doctor_id: d.user.id,
      kind: 'video',
      price_cents: 15_000,
      clinic_bps: 2000,
      clinic_cents: 3000,
      doctor_cents: 12_000,
      status: 'billed',
      fee_source: 'fees',
      finished_at: consultation.ended_at,
      month: clinicMonthOf(consultation.ended_at!),
      duration_seconds: consultation.duration_seconds,
    });
  });

  it('makes one record however many finalizes race (HTTP, the service, the idle sweep)', async () => {
    const d = await doctor();
    const call = await callInProgress(d, 300);
    const room = await t.db.selectFrom('rooms').selectAll().where('id', '=', call.roomId).executeTakeFirstOrThrow();
    await Promise.all([
      finalize(d, call.code),
      finalize(d, call.code),
      finalizeRoom(t.db, room, 'auto'),
      finalizeRoom(t.db, room, 'doctor'),
      finalize(d, call.code),
    ]);
    expect(await recordsOf(call.consultationId)).toHaveLength(1);
    // Billing again by hand (a retry after a crash) changes nothing.
    const consultation = await t.db.selectFrom('consultations').selectAll().where('id', '=', call.consultationId).executeTakeFirstOrThrow();
    await billFinishedConsultation(t.db, consultation);
    expect(await recordsOf(call.consultationId)).toHaveLength(1);
  });

  it('holds a call shorter than the clinic minimum as "under_review"', async () => {
    const d = await doctor();
    const call = await callInProgress(d, 30);
    await finalize(d, call.code);
    expect((await recordsOf(call.consultationId))[0]).toMatchObject({ status: 'under_review', price_cents: expect.any(Number) });
  });

  it('puts a consultation that ends at 23:30 in São Paulo on the last day of the month in that month, not the next (UTC) one', async () => {
    const d = await doctor();
    const call = await callInProgress(d, 3600);
    const endedAt = '2026-12-01T02:30:00.000Z'; // 30/11 23:30 in São Paulo
    await t.db
      .updateTable('consultations')
      .set({ ended_at: endedAt, duration_seconds: 1800, finalized_by: 'doctor' })
      .where('id', '=', call.consultationId)
      .execute();
    const consultation = await t.db.selectFrom('consultations').selectAll().where('id', '=', call.consultationId).executeTakeFirstOrThrow();
    await billFinishedConsultation(t.db, consultation);
    expect((await recordsOf(call.consultationId))[0]).toMatchObject({ month: '2026-11', finished_at: endedAt });
  });

  it('applies a change of fees to consultations that finish after it; earlier records keep theirs', async () => {
    await setClinicFees({ price: 'R$ 150,00', share: '20', reviewBelowMinutes: 2 });
    const d = await doctor();
    const other = await doctor();
    const before = await callInProgress(d, 600);
    await finalize(d, before.code);

    const own = await t.request({
      method: 'PUT',
      url: `/api/fees/doctors/${d.user.id}`,
      cookie: await admin(),
      payload: { price: 'R$ 1.234,56', share: '33,33' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ priceCents: 123_456, clinicBps: 3333, effective: { priceCents: 123_456, clinicBps: 3333 } });

    const after = await callInProgress(d, 600);
    await finalize(d, after.code);
    const othersCall = await callInProgress(other, 600);
    await finalize(other, othersCall.code);

    expect((await recordsOf(before.consultationId))[0]).toMatchObject({ price_cents: 15_000, clinic_cents: 3000, doctor_cents: 12_000 });
    // 33,33 % of R$ 1.234,56 = R$ 411,4788… → R$ 411,48 to the clinic, the rest to the doctor.
    expect((await recordsOf(after.consultationId))[0]).toMatchObject({ price_cents: 123_456, clinic_bps: 3333, clinic_cents: 41_148, doctor_cents: 82_308 });
    expect((await recordsOf(othersCall.consultationId))[0]).toMatchObject({ price_cents: 15_000, clinic_bps: 2000 });

    // Clearing the override returns the doctor to the clinic's fees.
    const cleared = await t.request({ method: 'PUT', url: `/api/fees/doctors/${d.user.id}`, cookie: await admin(), payload: { price: null, share: null } });
    expect(cleared.json()).toMatchObject({ priceCents: null, clinicBps: null, effective: { priceCents: 15_000, clinicBps: 2000 } });
    expect(cleared.json().history.map((h: { field: string; oldValue: number | null; newValue: number | null }) => [h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        ['price_cents', null, 123_456],
        ['clinic_bps', null, 3333],
        ['price_cents', 123_456, null],
        ['clinic_bps', 3333, null],
      ]),
    );
  });
});

describe('Valores e repasse (fees)', () => {
  it('keeps who changed what, when, old and new, and writes nothing when nothing changed', async () => {
    await setClinicFees({ price: '150', share: '20', reviewBelowMinutes: 2 });
    const res = await setClinicFees({ price: 'R$ 180,00', share: '12,5', reviewBelowMinutes: 3 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ priceCents: 18_000, clinicBps: 1250, reviewBelowSeconds: 180 });
    const latest = body.history.slice(0, 3).map((h: { field: string; oldValue: number; newValue: number }) => [h.field, h.oldValue, h.newValue]);
    expect(latest).toEqual(
      expect.arrayContaining([
        ['price_cents', 15_000, 18_000],
        ['clinic_bps', 2000, 1250],
        ['review_below_seconds', 120, 180],
      ]),
    );
    expect(body.history[0].changedBy).toMatchObject({ name: expect.any(String) });
    const count = body.history.length;
    const same = await setClinicFees({ price: 'R$ 180,00', share: '12,50', reviewBelowMinutes: 3 });
    expect(same.json().history).toHaveLength(count);
    await setClinicFees({ price: 'R$ 150,00', share: '20', reviewBelowMinutes: 2 });
  });

  it('refuses negative, absurd and non-numeric prices, and shares above 100 % or with three decimals, with field messages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ price: '-10', share: '20', reviewBelowMinutes: 2 }, 'price'],
      [{ price: 'R$ 1.000.000,00', share: '20', reviewBelowMinutes: 2 }, 'price'],
      [{ price: 'cento e cinquenta', share: '20', reviewBelowMinutes: 2 }, 'price'],
      [{ price: '150,001', share: '20', reviewBelowMinutes: 2 }, 'price'],
      [{ price: 150, share: '20', reviewBelowMinutes: 2 }, 'price'],
      [{ price: '150', share: '100,01', reviewBelowMinutes: 2 }, 'share'],
      [{ price: '150', share: '12,345', reviewBelowMinutes: 2 }, 'share'],
      [{ price: '150', share: '-1', reviewBelowMinutes: 2 }, 'share'],
      [{ price: '150', share: '20', reviewBelowMinutes: -1 }, 'reviewBelowMinutes'],
    ];
    const before = (await t.request({ method: 'GET', url: '/api/fees', cookie: await admin() })).json();
    for (const [payload, field] of cases) {
      const res = await setClinicFees(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(payload)).toEqual(expect.any(String));
    }
    const after = (await t.request({ method: 'GET', url: '/api/fees', cookie: await admin() })).json();
    expect(after).toEqual(before);
  });

  it("is the admin's alone: a doctor or a patient gets 403, and an unknown or non-doctor id 404", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const who of [d, p]) {
      expect((await t.request({ method: 'GET', url: '/api/fees', cookie: who.cookie })).statusCode).toBe(403);
      expect(
        (await t.request({ method: 'PUT', url: '/api/fees', cookie: who.cookie, payload: { price: '1', share: '0', reviewBelowMinutes: 0 } })).statusCode,
      ).toBe(403);
      expect(
        (await t.request({ method: 'PUT', url: `/api/fees/doctors/${d.user.id}`, cookie: who.cookie, payload: { price: '1', share: null } })).statusCode,
      ).toBe(403);
    }
    expect((await t.request({ method: 'GET', url: '/api/fees' })).statusCode).toBe(401);
    for (const id of [randomUUID(), p.user.id]) {
      expect((await t.request({ method: 'GET', url: `/api/fees/doctors/${id}`, cookie: await admin() })).statusCode).toBe(404);
      expect(
        (await t.request({ method: 'PUT', url: `/api/fees/doctors/${id}`, cookie: await admin(), payload: { price: '100', share: null } })).statusCode,
      ).toBe(404);
    }
    const fees = await t.db.selectFrom('fee_settings').selectAll().executeTakeFirstOrThrow();
    expect(fees.price_cents).toBe(15_000);
  });
});
