import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './database';
import * as foundation from './migrations/2026-11-28T16-00-foundation';
import * as rooms from './migrations/2026-11-28T17-30-rooms';
import * as records from './migrations/2026-11-28T20-00-records';
import * as uniqueCpf from './migrations/2026-11-30T06-00-unique-cpf';
import * as listSearch from './migrations/2026-12-01T09-00-list-search';
import * as listSearchCovering from './migrations/2026-12-01T10-00-list-search-covering';
import * as billing from './migrations/2026-12-01T12-00-billing';
import * as outsideConsultations from './migrations/2026-12-01T14-00-outside-consultations';

// The SQLite path rebuilds the consultations table: prove it keeps every row and every reference.
const before: Record<string, Migration> = {
  '2026-11-28T16-00-foundation': foundation,
  '2026-11-28T17-30-rooms': rooms,
  '2026-11-28T20-00-records': records,
  '2026-11-30T06-00-unique-cpf': uniqueCpf,
  '2026-12-01T09-00-list-search': listSearch,
  '2026-12-01T10-00-list-search-covering': listSearchCovering,
  '2026-12-01T12-00-billing': billing,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before the migration, not the app's types
const db = createDb({ kind: 'sqlite', file: ':memory:' }) as unknown as Kysely<any>;
afterAll(async () => db.destroy());

describe('migration 2026-12-01T14-00-outside-consultations on SQLite', () => {
  it('rebuilds consultations with every row, its billing references and foreign keys intact', async () => {
    const migrated = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(migrated.error).toBeUndefined();

    const at = '2026-11-20T12:00:00.000Z';
    const user = (role: string) => ({
      id: randomUUID(),
      email: `${randomUUID()}@x.test`,
      name: role,
      role,
      status: 'active',
      password_hash: 'x',
      created_at: at,
      updated_at: at,
    });
    const doctor = user('doctor');
    const patient = user('patient');
    await db.insertInto('users').values([doctor, patient]).execute();
    const roomId = randomUUID();
    await db
      .insertInto('rooms')
      .values({
        id: roomId,
        code: 'abc123abc123abc123abc1',
        doctor_id: doctor.id,
        patient_id: patient.id,
        status: 'finished',
        reason: null,
        scheduled_at: null,
        admitted_at: null,
        last_activity_at: at,
        created_at: at,
        closed_at: at,
      })
      .execute();
    const consultationId = randomUUID();
    await db
      .insertInto('consultations')
      .values({
        id: consultationId,
        room_id: roomId,
        doctor_id: doctor.id,
        patient_id: patient.id,
        started_at: at,
        ended_at: at,
        duration_seconds: 600,
        finalized_by: 'doctor',
        doctor_connected_at: at,
        patient_connected_at: at,
      })
      .execute();
    await db
      .insertInto('billing_records')
      .values({
        id: randomUUID(),
        consultation_id: consultationId,
        doctor_id: doctor.id,
        patient_id: patient.id,
        kind: 'video',
        finished_at: at,
        month: '2026-11',
        duration_seconds: 600,
        price_cents: 100,
        clinic_bps: 0,
        clinic_cents: 0,
        doctor_cents: 100,
        status: 'billed',
        fee_source: 'fees',
        note: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
      })
      .execute();

    await outsideConsultations.up(db);

    expect(await db.selectFrom('consultations').selectAll().execute()).toEqual([
      {
        id: consultationId,
        room_id: roomId,
        doctor_id: doctor.id,
        patient_id: patient.id,
        started_at: at,
        ended_at: at,
        duration_seconds: 600,
        finalized_by: 'doctor',
        doctor_connected_at: at,
        patient_connected_at: at,
        kind: 'video',
        note: null,
      },
    ]);
    expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys).toBe(1);
    const indexes = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'index' and tbl_name = 'consultations' and name not like 'sqlite_%' order by name`.execute(db);
    expect(indexes.rows.map((r) => r.name)).toEqual(['consultations_doctor', 'consultations_patient']);
    // billing_records still points at the (rebuilt) consultations table.
    await expect(db.updateTable('billing_records').set({ consultation_id: randomUUID() }).execute()).rejects.toThrow(/FOREIGN KEY/);
  });
});
