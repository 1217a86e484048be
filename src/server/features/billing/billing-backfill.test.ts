import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, createPatient } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import * as billingMigration from '#server/db/migrations/2026-12-01T12-00-billing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A room and its consultation as they stood before billing existed. */
async function pastConsultation(endedAt: string | null, durationSeconds: number | null): Promise<string> {
  const doctor = await createDoctor(t.db);
  const patient = await createPatient(t.db, { doctors: [doctor] });
  const roomId = randomUUID();
  await t.db
    .insertInto('rooms')
    .values({
      id: roomId,
      code: randomUUID().replaceAll('-', '').slice(0, 22),
      doctor_id: doctor.id,
      patient_id: patient.id,
      status: endedAt ? 'finished' : 'open',
      reason: null,
      scheduled_at: null,
      admitted_at: null,
      last_activity_at: '2026-10-01T12:00:00.000Z',
      created_at: '2026-10-01T12:00:00.000Z',
      closed_at: endedAt,
    })
    .execute();
  const id = randomUUID();
  await t.db
    .insertInto('consultations')
    .values({
      id,
      room_id: roomId,
      doctor_id: doctor.id,
      patient_id: patient.id,
      started_at: '2026-10-31T23:00:00.000Z',
      ended_at: endedAt,
      duration_seconds: durationSeconds,
      finalized_by: endedAt ? 'doctor' : null,
    } as never)
    .execute();
  return id;
}

describe('migration 2026-12-01T12-00-billing', () => {
  it('bills every consultation that had finished, once, at the default fee, marked as backfill', async () => {
    // Back to the schema before billing, with consultations a real database holds. A later
    // migration's table points at billing_records (payment_records); let go of it first.
    await t.db.schema.dropTable('payment_records').execute();
    await billingMigration.down(t.db);
    const long = await pastConsultation('2026-11-01T02:00:00.000Z', 3 * 3600); // 31/10 23:00 in São Paulo
    const short = await pastConsultation('2026-11-15T15:00:00.000Z', 40);
    const running = await pastConsultation(null, null);

    await billingMigration.up(t.db);

    const records = await t.db.selectFrom('billing_records').selectAll().where('consultation_id', 'in', [long, short, running]).execute();
    expect(records).toHaveLength(2);
    const byId = new Map(records.map((r) => [r.consultation_id, r]));
    expect(byId.get(long)).toMatchObject({
      month: '2026-10',
      price_cents: 15_000,
      clinic_bps: 2000,
      clinic_cents: 3000,
      doctor_cents: 12_000,
      status: 'billed',
      fee_source: 'backfill',
      kind: 'video',
    });
    expect(byId.get(short)).toMatchObject({ month: '2026-11', status: 'under_review', fee_source: 'backfill' });
    // The database itself keeps it at one record per consultation.
    await expect(
      t.db
        .insertInto('billing_records')
        .values({ ...byId.get(long)!, id: randomUUID() })
        .execute(),
    ).rejects.toThrow();
  });
});
