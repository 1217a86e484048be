import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError } from '#server/errors.ts';
import { hashPassword, verifyPassword } from '#server/lib/passwords.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { findUserByEmail, updateUser } from '#server/features/users/users.service.ts';
import type { Auth } from '#server/plugins/fastify-types.ts';
import { clear, hit } from './login-throttle.repository';
import { deleteSession, deleteUserSessions } from './sessions.repository';

// The attempt counters, for other ways in that count attempts the same way (password-reset links).
export { clear, hit } from './login-throttle.repository';

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
 * Checks email and password. Every attempt is counted *before* the password is checked, per IP
 * and per account (keyed by the email typed, whether or not it exists, so the lock reveals
 * nothing): concurrent guesses each take a number, and only the first LOGIN_MAX_FAILURES reach
 * argon2. A success clears the account's count. Unknown emails cost the same argon2 time as known
 * ones and get the same message.
 */
export async function authenticate(db: Db, config: Config, email: string, password: string, ip: string | null): Promise<UserRow> {
  const now = new Date();
  const ipKey = `ip:${ip ?? 'unknown'}`;
  const accountKey = `account:${email.toLowerCase()}`;
  const ipHits = await hit(db, ipKey, 60_000, now);
  if (ipHits.count > config.login.ipLimitPerMinute) throw tooMany(Date.parse(ipHits.windowStart) + 60_000);
  const attempts = await hit(db, accountKey, config.login.lockMs, now);
  if (attempts.count > config.login.maxFailures) throw tooMany(Date.parse(attempts.windowStart) + config.login.lockMs);

  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !ok) {
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

/** Thrown when a session guessed the current password too often; that session is already gone. */
export const PASSWORD_GUESSES_CODE = 'password_guesses';

/**
 * Checks a signed-in person's own password before something only they may do (change it, reset
 * the database). Wrong guesses count like login failures, before argon2 runs; past
 * LOGIN_MAX_FAILURES the session that tried is ended. Returns the throttle key to clear on success.
 */
export async function confirmCurrentPassword(db: Db, config: Config, auth: Auth, password: string, ip: string | null, field: string): Promise<string> {
  const { user, sessionId } = auth;
  const key = `password:${user.id}`;
  const attempts = await hit(db, key, config.login.lockMs, new Date());
  if (attempts.count > config.login.maxFailures) {
    await deleteSession(db, sessionId);
    await recordAudit(db, { actorId: user.id, action: 'password.guesses_exceeded', entityType: 'user', entityId: user.id, ip });
    throw new AppError(PASSWORD_GUESSES_CODE, 401, 'Muitas tentativas com a senha atual errada. Por segurança, você saiu da conta. Entre de novo.');
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError('wrong_password', 400, field === 'currentPassword' ? 'A senha atual não confere.' : 'A senha não confere.', {
      [field]: field === 'currentPassword' ? 'A senha atual não confere.' : 'A senha não confere.',
    });
  }
  return key;
}

/**
 * Changes the password after checking the current one; other sessions are signed out. Wrong
 * current passwords count like login failures (before argon2 runs): past LOGIN_MAX_FAILURES the
 * session that tried is ended, so a stolen session cannot be used to guess the password.
 */
export async function changePassword(db: Db, config: Config, auth: Auth, current: string, next: string, ip: string | null): Promise<void> {
  const { user, sessionId } = auth;
  const key = await confirmCurrentPassword(db, config, auth, current, ip, 'currentPassword');
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: nowIso() });
    await deleteUserSessions(trx, user.id, sessionId);
    await clear(trx, key);
    await recordAudit(trx, { actorId: user.id, action: 'password.changed', entityType: 'user', entityId: user.id, ip });
  });
}
