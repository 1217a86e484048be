import type { DbOrTrx } from '#server/db/database.ts';
import { type Insertable, sql } from 'kysely';
import type { ChatMessagesTable } from '#server/db/types.ts';

/**
 * Stores a message unless its sender already has `quota` in that room; false when refused. One
 * statement, so a burst of concurrent sends cannot all pass a separate count first.
 */
export async function insertChatMessageWithinQuota(db: DbOrTrx, message: Insertable<ChatMessagesTable>, quota: number): Promise<boolean> {
  const { id, room_id, from_user_id, text, sent_at } = message;
  const result = await sql`
    insert into chat_messages (id, room_id, from_user_id, text, sent_at)
    select ${id}, ${room_id}, ${from_user_id}, ${text}, ${sent_at}
    where (select count(*) from chat_messages where room_id = ${room_id} and from_user_id = ${from_user_id}) < ${quota}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * A room's messages in the order they were sent, with the sender's name: the last `limit`, or,
 * with `after` (the time of the newest message the client already has), the first `limit` from
 * that time on.
 */
export async function listChatMessages(db: DbOrTrx, roomId: string, limit: number, after?: string) {
  const q = db
    .selectFrom('chat_messages')
    .innerJoin('users', 'users.id', 'chat_messages.from_user_id')
    .select(['chat_messages.id', 'chat_messages.from_user_id', 'users.name', 'chat_messages.text', 'chat_messages.sent_at'])
    .where('chat_messages.room_id', '=', roomId);
  // At or after: a message sent in the same millisecond as the client's newest must not be lost
  // (the client drops the ones it already has by id).
  if (after) return q.where('chat_messages.sent_at', '>=', after).orderBy('chat_messages.sent_at', 'asc').limit(limit).execute();
  return (await q.orderBy('chat_messages.sent_at', 'desc').limit(limit).execute()).reverse();
}
