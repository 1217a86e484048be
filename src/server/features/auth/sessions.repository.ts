import type { DbOrTrx } from '#server/db/database.ts';
import type { SessionRow, UserRow } from '#server/db/types.ts';

/** Stores a session; `id` is the hash of the cookie token. */
export async function insertSession(db: DbOrTrx, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session and its user in one query. */
export async function findSessionWithUser(db: DbOrTrx, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as s_id',
      'sessions.user_id as s_user_id',
      'sessions.created_at as s_created_at',
      'sessions.last_seen_at as s_last_seen_at',
      'sessions.expires_at as s_expires_at',
      'sessions.ip as s_ip',
      'sessions.user_agent as s_user_agent',
    ])
    .selectAll('users')
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_user_id, s_created_at, s_last_seen_at, s_expires_at, s_ip, s_user_agent, ...user } = row;
  return {
    session: {
      id: s_id,
      user_id: s_user_id,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
      expires_at: s_expires_at,
      ip: s_ip,
      user_agent: s_user_agent,
    },
    user,
  };
}

export async function touchSession(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs a person out everywhere (deactivation, password change), optionally keeping one session. */
export async function deleteUserSessions(db: DbOrTrx, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, now: string, idleCutoff: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();
}

/** Of these session ids, those still unexpired whose person is active. */
export async function findLiveSessionIds(db: DbOrTrx, ids: string[], now: string, idleCutoff: string): Promise<string[]> {
  const live: string[] = [];
  // Chunks keep the IN list under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('sessions.id', 'in', ids.slice(i, i + 500))
      .where('sessions.expires_at', '>', now)
      .where('sessions.last_seen_at', '>', idleCutoff)
      .where('users.status', '=', 'active')
      .execute();
    for (const r of rows) live.push(r.id);
  }
  return live;
}

/** Sets last_seen_at on those of these sessions not seen since `before`. */
export async function touchSessionsSeenBefore(db: DbOrTrx, ids: string[], before: string, at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('last_seen_at', '<', before)
      .execute();
  }
}
