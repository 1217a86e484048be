import type { DbOrTrx } from '../../db/database';
import type { Insertable } from 'kysely';
import type { ChatMessagesTable } from '../../db/types';

export async function insertChatMessage(db: DbOrTrx, message: Insertable<ChatMessagesTable>): Promise<void> {
  await db.insertInto('chat_messages').values(message).execute();
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

/** How many messages one person sent in one room (bounded by the per-room quota). */
export async function countChatMessagesFrom(db: DbOrTrx, roomId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('room_id', '=', roomId)
    .where('from_user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
