import { parsePixKey } from '#shared/domain/pix.ts';
import type { Config } from '#server/config.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import { findDoctorProfile, findUserById } from '#server/features/users/users.service.ts';

/** Who a PIX BR Code pays: what `buildPixPayload` needs besides the amount and txid. */
export interface PixReceiver {
  /** The key in canonical form. */
  key: string;
  /** The doctor's name as written; the BR Code builder upper-cases and shortens it. */
  name: string;
  /** The doctor's city, or the clinic's (CLINIC_CITY) when they have given none. */
  city: string;
}

/** The parts of a doctor's profile a receiver is made from (a payment's snapshot works too). */
export interface PixReceiverSource {
  name: string;
  pixKey: string | null | undefined;
  city?: string | null | undefined;
}

/**
 * The receiver of a PIX payment to this doctor, or `null` when there is no key a BR Code can carry:
 * none given, or one saved before today's DICT rules that they refuse (a landline, an e-mail with
 * `%`). The payments feature treats `null` as "sem chave PIX".
 */
export function pixReceiverOf(profile: PixReceiverSource, config: Pick<Config, 'clinic'>): PixReceiver | null {
  if (!profile.pixKey) return null;
  const parsed = parsePixKey(profile.pixKey);
  if (!parsed || parsed.key !== profile.pixKey) return null;
  const city = profile.city?.trim() || config.clinic.city;
  return { key: parsed.key, name: profile.name, city };
}

/** {@link pixReceiverOf} for a doctor by id, read from their current profile; `null` for no doctor or no usable key. */
export async function findPixReceiver(db: DbOrTrx, doctorId: string, config: Pick<Config, 'clinic'>): Promise<PixReceiver | null> {
  const [user, profile] = await Promise.all([findUserById(db, doctorId), findDoctorProfile(db, doctorId)]);
  if (!user || user.role !== 'doctor' || !profile) return null;
  return pixReceiverOf({ name: user.name, pixKey: profile.pix_key, city: profile.city }, config);
}

/**
 * {@link pixReceiverOf} for a name and key frozen elsewhere (a payment's snapshot), with the doctor's
 * city from their current profile (or the clinic's): the code pays the key the payment names, even
 * after the profile has moved on. `null` when the snapshot has no key a BR Code can carry.
 */
export async function findSnapshotPixReceiver(
  db: DbOrTrx,
  doctorId: string,
  snapshot: { name: string; pixKey: string | null },
  config: Pick<Config, 'clinic'>,
): Promise<PixReceiver | null> {
  if (!snapshot.pixKey) return null;
  const profile = await findDoctorProfile(db, doctorId);
  return pixReceiverOf({ name: snapshot.name, pixKey: snapshot.pixKey, city: profile?.city }, config);
}
