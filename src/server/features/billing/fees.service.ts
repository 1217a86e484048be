import type { z } from 'zod';
import type { ClinicFees, DoctorFees, FeeChange, clinicFeesInputSchema, doctorFeesInputSchema } from '#shared/schemas/fees.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { FeeField } from '#server/db/types.ts';
import { notFound } from '#server/errors.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { findUserById } from '#server/features/users/users.service.ts';
import type { Actor } from '#server/core/actor.ts';
import { findClinicFees, findDoctorFees, findEffectiveFees, insertFeeChange, listFeeChanges, updateClinicFees, upsertDoctorFees } from './fees.repository';

function toChange(r: Awaited<ReturnType<typeof listFeeChanges>>[number]): FeeChange {
  return {
    id: r.id,
    doctorId: r.doctor_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    changedBy: r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? '' } : null,
    changedAt: r.changed_at,
  };
}

/** Writes one history row per field whose value changed. */
async function recordChanges(
  trx: DbOrTrx,
  actor: Actor,
  doctorId: string | null,
  at: string,
  pairs: [FeeField, number | null, number | null][],
): Promise<number> {
  let n = 0;
  for (const [field, oldValue, newValue] of pairs) {
    if (oldValue === newValue) continue;
    await insertFeeChange(trx, { doctorId, field, oldValue, newValue, changedBy: actor.user.id, at });
    n += 1;
  }
  return n;
}

export async function getClinicFees(db: DbOrTrx): Promise<ClinicFees> {
  const [fees, history] = await Promise.all([findClinicFees(db), listFeeChanges(db, null)]);
  return {
    priceCents: fees.price_cents,
    clinicBps: fees.clinic_bps,
    reviewBelowSeconds: fees.review_below_seconds,
    updatedAt: fees.updated_at,
    history: history.map(toChange),
  };
}

/** The admin sets the clinic's fees; they apply to consultations that finish from now on. */
export async function setClinicFees(db: Db, actor: Actor, input: z.output<typeof clinicFeesInputSchema>): Promise<ClinicFees> {
  return db.transaction().execute(async (trx) => {
    const before = await findClinicFees(trx);
    const at = nowIso();
    const next = { price_cents: input.price, clinic_bps: input.share, review_below_seconds: input.reviewBelowMinutes * 60 };
    const changed = await recordChanges(trx, actor, null, at, [
      ['price_cents', before.price_cents, next.price_cents],
      ['clinic_bps', before.clinic_bps, next.clinic_bps],
      ['review_below_seconds', before.review_below_seconds, next.review_below_seconds],
    ]);
    if (changed > 0) {
      await updateClinicFees(trx, { ...next, updated_at: at, updated_by: actor.user.id });
      await recordAudit(trx, { actorId: actor.user.id, action: 'fees.changed', entityType: 'fees', entityId: null, details: next, ip: actor.ip });
    }
    return getClinicFees(trx);
  });
}

/** A doctor's account, active or not (an inactive doctor's fees still apply to their finished calls). */
async function existingDoctor(db: DbOrTrx, doctorId: string): Promise<void> {
  const user = await findUserById(db, doctorId);
  if (!user || user.role !== 'doctor') throw notFound('Médico não encontrado.');
}

export async function getDoctorFees(db: DbOrTrx, doctorId: string): Promise<DoctorFees> {
  await existingDoctor(db, doctorId);
  const [own, effective, history] = await Promise.all([findDoctorFees(db, doctorId), findEffectiveFees(db, doctorId), listFeeChanges(db, doctorId)]);
  return {
    doctorId,
    priceCents: own?.price_cents ?? null,
    clinicBps: own?.clinic_bps ?? null,
    effective: { priceCents: effective.price_cents, clinicBps: effective.clinic_bps },
    history: history.map(toChange),
  };
}

/** The admin sets (or clears, with null) a doctor's own price and share. */
export async function setDoctorFees(db: Db, actor: Actor, doctorId: string, input: z.output<typeof doctorFeesInputSchema>): Promise<DoctorFees> {
  return db.transaction().execute(async (trx) => {
    await existingDoctor(trx, doctorId);
    const before = await findDoctorFees(trx, doctorId);
    const at = nowIso();
    const changed = await recordChanges(trx, actor, doctorId, at, [
      ['price_cents', before?.price_cents ?? null, input.price],
      ['clinic_bps', before?.clinic_bps ?? null, input.share],
    ]);
    if (changed > 0) {
      await upsertDoctorFees(trx, { doctor_id: doctorId, price_cents: input.price, clinic_bps: input.share, updated_at: at, updated_by: actor.user.id });
      await recordAudit(trx, {
        actorId: actor.user.id,
        action: 'fees.doctor_changed',
        entityType: 'user',
        entityId: doctorId,
        details: { priceCents: input.price, clinicBps: input.share },
        ip: actor.ip,
      });
    }
    return getDoctorFees(trx, doctorId);
  });
}

/** The clinic's fees until its admin sets its own (the same as migration 2026-12-01T12-00-billing). */
export const DEFAULT_CLINIC_FEES = { price_cents: 15_000, clinic_bps: 2_000, review_below_seconds: 120 } as const;

/** Puts the clinic's fees back to the defaults (a database reset); the history of changes is erased with it. */
export async function resetClinicFees(trx: DbOrTrx, by: string, at: string): Promise<void> {
  await updateClinicFees(trx, { ...DEFAULT_CLINIC_FEES, updated_at: at, updated_by: by });
}
