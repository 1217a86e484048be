import { randomBytes, randomUUID } from 'node:crypto';
import { userSearchText } from '#shared/domain/search-text.ts';
import type { Config } from '#server/config.ts';
import { hashPassword } from '#server/lib/passwords.ts';
import { type Db, nowIso } from './database';
import { UNIQUE, isUniqueViolation } from './unique-violation';

/**
 * Creates the first admin when there is none: from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated password that is returned so main can print it once. Never touches an existing admin.
 */
export async function ensureAdmin(db: Db, config: Config): Promise<{ email: string; password: string | null } | null> {
  const existing = await db.selectFrom('users').select('email').where('role', '=', 'admin').executeTakeFirst();
  if (existing) return null;
  const email = (config.admin.email ?? 'admin@medconnect.local').toLowerCase();
  const generated = config.admin.password ? null : randomBytes(12).toString('base64url');
  const at = nowIso();
  try {
    await db
      .insertInto('users')
      .values({
        id: randomUUID(),
        email,
        name: config.admin.name,
        role: 'admin',
        status: 'active',
        password_hash: await hashPassword(config.admin.password ?? generated!),
        photo_version: null,
        created_at: at,
        updated_at: at,
        search_text: userSearchText({ name: config.admin.name, email }),
      })
      .execute();
  } catch (error) {
    // Nodes starting together on an empty database: another one created this admin first.
    if (isUniqueViolation(error, UNIQUE.userEmail)) return null;
    throw error;
  }
  return { email, password: generated };
}
