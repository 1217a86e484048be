import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { nowIso } from '../../db/database';
import type { UserRow } from '../../db/types';
import { AppError } from '../../errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { recordAudit } from '../audit/audit.repository';
import { findUserByEmail, updateUser } from '../users/users.repository';
import { clear, hit, peek } from './login-throttle.repository';
import { deleteUserSessions } from './sessions.repository';

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'E-mail ou senha incorretos.');

function tooMany(retryAt: number): AppError {
  const minutes = Math.max(1, Math.ceil((retryAt - Date.now()) / 60_000));
  return new AppError(
    'too_many_attempts',
    429,
    `Muitas tentativas de entrar. Por segurança, aguarde ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} e tente de novo.`,
  );
}

/**
 * Checks email and password. Failures count per account (keyed by the email typed, whether or not
 * it exists, so the lock reveals nothing) and every attempt counts per IP. Unknown emails cost
 * the same argon2 time as known ones and get the same message.
 */
export async function authenticate(db: Db, config: Config, email: string, password: string, ip: string | null): Promise<UserRow> {
  const now = new Date();
  const ipKey = `ip:${ip ?? 'unknown'}`;
  const accountKey = `account:${email.toLowerCase()}`;
  const ipHits = await hit(db, ipKey, 60_000, now);
  if (ipHits.count > config.login.ipLimitPerMinute) throw tooMany(Date.parse(ipHits.windowStart) + 60_000);
  const failures = await peek(db, accountKey, config.login.lockMs, now);
  if (failures.count >= config.login.maxFailures && failures.windowStart) {
    throw tooMany(Date.parse(failures.windowStart) + config.login.lockMs);
  }

  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok) {
    await hit(db, accountKey, config.login.lockMs, now);
    if (user) await recordAudit(db, { actorId: null, action: 'login.failed', entityType: 'user', entityId: user.id, ip });
    throw invalidCredentials();
  }
  // Only someone who knows the password learns that the account is inactive.
  if (user.status !== 'active') {
    throw new AppError('account_inactive', 403, 'Sua conta está desativada. Fale com a clínica para reativá-la.');
  }
  await clear(db, accountKey);
  await recordAudit(db, { actorId: user.id, action: 'login.succeeded', entityType: 'user', entityId: user.id, ip });
  return user;
}

/** Changes the password after checking the current one; other sessions are signed out. */
export async function changePassword(db: Db, user: UserRow, sessionId: string, current: string, next: string, ip: string | null): Promise<void> {
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError('wrong_password', 400, 'A senha atual não confere.', { currentPassword: 'A senha atual não confere.' });
  }
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: nowIso() });
    await deleteUserSessions(trx, user.id, sessionId);
    await recordAudit(trx, { actorId: user.id, action: 'password.changed', entityType: 'user', entityId: user.id, ip });
  });
}
