import type { Config } from '#server/config.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import type { Auth } from '#server/plugins/fastify-types.ts';
import type { SessionStore } from '#server/plugins/session.ts';
import {
  deleteSession,
  deleteUserSessions,
  findLiveSessionIds,
  findSessionWithUser,
  insertSession,
  touchSession,
  touchSessionsSeenBefore,
} from './sessions.repository';

// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

/** Starts a fresh session (a new token on every login) and returns the cookie token. */
export async function startSession(
  db: Db,
  config: Config,
  user: Pick<UserRow, 'id'>,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.session.maxMs);
  await insertSession(db, {
    id: hashToken(token),
    user_id: user.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The person behind a cookie token, or null when the token is unknown, idle too long, past its
 * absolute expiry, or its user was deactivated. Expired sessions are removed on sight.
 */
export async function resolveSession(db: Db, config: Config, token: string): Promise<Auth | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = hashToken(token);
  const found = await findSessionWithUser(db, id);
  if (!found) return null;
  const now = Date.now();
  const lastSeen = Date.parse(found.session.last_seen_at);
  const expired = Date.parse(found.session.expires_at) <= now || lastSeen + config.session.idleMs <= now;
  if (expired || found.user.status !== 'active') {
    await deleteSession(db, id);
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) await touchSession(db, id, new Date(now).toISOString());
  return { user: found.user, sessionId: id, sessionCreatedAt: found.session.created_at };
}

/** Which of these sessions are still valid now (for sockets that outlive a request). */
export async function findLiveSessions(db: Db, config: Config, ids: string[]): Promise<Set<string>> {
  const now = Date.now();
  return new Set(await findLiveSessionIds(db, ids, new Date(now).toISOString(), new Date(now - config.session.idleMs).toISOString()));
}

/** Marks these sessions as in use now (at most once a minute each, like a request would). */
export async function touchSessions(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const now = Date.now();
  await touchSessionsSeenBefore(db, ids, new Date(now - TOUCH_EVERY_MS).toISOString(), new Date(now).toISOString());
}

/** The session store the session plugin and the realtime layer use (wired in app.ts). */
export function sessionStore(db: Db, config: Config): SessionStore {
  return {
    resolve: (token) => resolveSession(db, config, token),
    findLive: (ids) => findLiveSessions(db, config, ids),
    touch: (ids) => touchSessions(db, ids),
  };
}

/** Ends one session (sign-out, or a browser handed over to someone else); its sockets are the caller's to close. */
export async function endSession(db: DbOrTrx, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

/** Ends every session of a person but `keep` (a new password, a deactivated account), in the caller's transaction. */
export async function endUserSessions(db: DbOrTrx, userId: string, keep?: string): Promise<void> {
  await deleteUserSessions(db, userId, keep);
}
