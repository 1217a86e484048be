import type { z } from 'zod';
import type { Me } from '#shared/schemas/auth.ts';
import { adminProfileInputSchema, doctorProfileInputSchema, patientProfileInputSchema } from '#shared/schemas/profile.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { areLinked } from '#server/core/care-links.repository.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError, fieldsOf, notFound } from '#server/errors.ts';
import { saveDoctorProfile } from '#server/features/accounts/accounts.service.ts';
import { findUserById, getMe, savePatientProfile, updateUser } from '#server/features/users/users.service.ts';
import { reencodePhoto } from './image';
import { deletePhoto, findPhoto, upsertPhoto, type StoredPhoto } from './photos.repository';

function parseFor<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('validation_error', 400, 'Confira os campos destacados.', fieldsOf(parsed.error.issues));
  return parsed.data;
}

/** Each role has its own profile form; the body is validated against the caller's role. */
export async function updateOwnProfile(db: Db, actor: Actor, body: unknown): Promise<Me> {
  const user = actor.user;
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    if (user.role === 'doctor') {
      const p = parseFor(doctorProfileInputSchema, body);
      await saveDoctorProfile(trx, user.id, p, at);
      await updateUser(trx, user.id, { name: p.name, updated_at: at });
    } else if (user.role === 'patient') {
      const p = parseFor(patientProfileInputSchema, body);
      await savePatientProfile(trx, user.id, p, at);
      await updateUser(trx, user.id, { name: p.name, updated_at: at });
    } else {
      const p = parseFor(adminProfileInputSchema, body);
      await updateUser(trx, user.id, { name: p.name, updated_at: at });
    }
    await recordAudit(trx, { actorId: user.id, action: 'profile.updated', entityType: 'user', entityId: user.id, ip: actor.ip });
  });
  return getMe(db, (await findUserById(db, user.id))!);
}

/** Replaces the caller's photo with a re-encoded copy of the upload. */
export async function setOwnPhoto(db: Db, actor: Actor, upload: Buffer): Promise<Me> {
  const photo = await reencodePhoto(upload);
  const version = (actor.user.photo_version ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await upsertPhoto(trx, actor.user.id, photo, at);
    await updateUser(trx, actor.user.id, { photo_version: version, updated_at: at });
    await recordAudit(trx, { actorId: actor.user.id, action: 'photo.updated', entityType: 'user', entityId: actor.user.id, ip: actor.ip });
  });
  return getMe(db, { ...actor.user, photo_version: version });
}

export async function removeOwnPhoto(db: Db, actor: Actor): Promise<Me> {
  await db.transaction().execute(async (trx) => {
    await deletePhoto(trx, actor.user.id);
    await updateUser(trx, actor.user.id, { photo_version: null, updated_at: nowIso() });
  });
  return getMe(db, { ...actor.user, photo_version: null });
}

/** A photo, for the person themselves, the admin, and their doctors or patients; 404 for anyone else. */
export async function readPhoto(db: Db, viewer: UserRow, ownerId: string): Promise<StoredPhoto> {
  const allowed = viewer.id === ownerId || viewer.role === 'admin' || (await areLinked(db, viewer.id, ownerId));
  const photo = allowed ? await findPhoto(db, ownerId) : undefined;
  if (!photo) throw notFound('Foto não encontrada.');
  return photo;
}
