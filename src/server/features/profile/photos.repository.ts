import type { DbOrTrx } from '#server/db/database.ts';

export type StoredPhoto = { data: Uint8Array; mime: string; width: number; height: number };

export async function upsertPhoto(db: DbOrTrx, userId: string, photo: StoredPhoto, at: string): Promise<void> {
  const row = { user_id: userId, ...photo, updated_at: at };
  await db
    .insertInto('photos')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...photo, updated_at: at }))
    .execute();
}

export async function findPhoto(db: DbOrTrx, userId: string): Promise<StoredPhoto | undefined> {
  return db.selectFrom('photos').select(['data', 'mime', 'width', 'height']).where('user_id', '=', userId).executeTakeFirst();
}

/** A photo is personal data, not clinical data: removing it really removes it. */
export async function deletePhoto(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('photos').where('user_id', '=', userId).execute();
}
