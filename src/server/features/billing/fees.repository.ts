import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from '#server/db/database.ts';
import type { DoctorFeesTable, FeeField, FeeSettingsTable } from '#server/db/types.ts';

export async function findClinicFees(db: DbOrTrx): Promise<FeeSettingsTable> {
  return db.selectFrom('fee_settings').selectAll().where('id', '=', 'clinic').executeTakeFirstOrThrow();
}

export async function updateClinicFees(
  db: DbOrTrx,
  values: Pick<FeeSettingsTable, 'price_cents' | 'clinic_bps' | 'review_below_seconds' | 'updated_at' | 'updated_by'>,
): Promise<void> {
  await db.updateTable('fee_settings').set(values).where('id', '=', 'clinic').execute();
}

export async function findDoctorFees(db: DbOrTrx, doctorId: string): Promise<DoctorFeesTable | undefined> {
  return db.selectFrom('doctor_fees').selectAll().where('doctor_id', '=', doctorId).executeTakeFirst();
}

export async function upsertDoctorFees(db: DbOrTrx, row: DoctorFeesTable): Promise<void> {
  await db
    .insertInto('doctor_fees')
    .values(row)
    .onConflict((oc) =>
      oc.column('doctor_id').doUpdateSet({ price_cents: row.price_cents, clinic_bps: row.clinic_bps, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}

/** The fees a consultation of this doctor finishing now is billed at (the doctor's own, else the clinic's). */
export async function findEffectiveFees(db: DbOrTrx, doctorId: string): Promise<{ price_cents: number; clinic_bps: number; review_below_seconds: number }> {
  const row = await db
    .selectFrom('fee_settings')
    .leftJoin('doctor_fees', (j) => j.on('doctor_fees.doctor_id', '=', doctorId))
    .select([
      'fee_settings.price_cents as clinic_price',
      'fee_settings.clinic_bps as clinic_bps',
      'fee_settings.review_below_seconds',
      'doctor_fees.price_cents as own_price',
      'doctor_fees.clinic_bps as own_bps',
    ])
    .where('fee_settings.id', '=', 'clinic')
    .executeTakeFirstOrThrow();
  return { price_cents: row.own_price ?? row.clinic_price, clinic_bps: row.own_bps ?? row.clinic_bps, review_below_seconds: row.review_below_seconds };
}

export async function insertFeeChange(
  db: DbOrTrx,
  change: { doctorId: string | null; field: FeeField; oldValue: number | null; newValue: number | null; changedBy: string; at: string },
): Promise<void> {
  await db
    .insertInto('fee_changes')
    .values({
      id: randomUUID(),
      doctor_id: change.doctorId,
      field: change.field,
      old_value: change.oldValue,
      new_value: change.newValue,
      changed_by: change.changedBy,
      changed_at: change.at,
    })
    .execute();
}

/** The latest changes of the clinic's fees (doctorId null) or of one doctor's, newest first. */
export async function listFeeChanges(db: DbOrTrx, doctorId: string | null, limit = 50) {
  let q = db
    .selectFrom('fee_changes')
    .leftJoin('users', 'users.id', 'fee_changes.changed_by')
    .select([
      'fee_changes.id',
      'fee_changes.doctor_id',
      'fee_changes.field',
      'fee_changes.old_value',
      'fee_changes.new_value',
      'fee_changes.changed_by',
      'users.name as changed_by_name',
      'fee_changes.changed_at',
    ]);
  q = doctorId === null ? q.where('fee_changes.doctor_id', 'is', null) : q.where('fee_changes.doctor_id', '=', doctorId);
  return q.orderBy('fee_changes.changed_at', 'desc').orderBy('fee_changes.id', 'desc').limit(limit).execute();
}
