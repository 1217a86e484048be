import type { DbOrTrx } from '#server/db/database.ts';
import type { RecordAccessLogTable } from '#server/db/types.ts';

export async function insertAccessLog(db: DbOrTrx, row: RecordAccessLogTable): Promise<void> {
  await db.insertInto('record_access_log').values(row).execute();
}

export type AccessLogFilter = {
  patientId?: string | undefined;
  actorId?: string | undefined;
  /** Leave out the rows where this person opened their own record. */
  notActorId?: string | undefined;
  action?: RecordAccessLogTable['action'] | undefined;
  /** Instants, ISO UTC: `from` inclusive, `before` exclusive. */
  from?: string | undefined;
  before?: string | undefined;
};

function filtered(db: DbOrTrx, f: AccessLogFilter) {
  let q = db
    .selectFrom('record_access_log as l')
    .innerJoin('users as a', 'a.id', 'l.actor_id')
    .innerJoin('users as p', 'p.id', 'l.patient_id')
    // The doctor whose access changed, on 'access.granted' / 'access.revoked' rows.
    .leftJoin('users as s', 's.id', 'l.subject_id');
  if (f.patientId) q = q.where('l.patient_id', '=', f.patientId);
  if (f.actorId) q = q.where('l.actor_id', '=', f.actorId);
  if (f.notActorId) q = q.where('l.actor_id', '!=', f.notActorId);
  if (f.action) q = q.where('l.action', '=', f.action);
  if (f.from) q = q.where('l.created_at', '>=', f.from);
  if (f.before) q = q.where('l.created_at', '<', f.before);
  return q;
}

/** One page of the log, newest first, with the names of the actor and the patient. */
export async function listAccessLog(db: DbOrTrx, f: AccessLogFilter, page: number, pageSize: number) {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base
      .select([
        'l.id',
        'l.created_at',
        'l.action',
        'l.resource_id',
        'l.ip',
        'l.actor_id',
        'a.name as actor_name',
        'a.role as actor_role',
        'l.patient_id',
        'p.name as patient_name',
        'l.subject_id',
        's.name as subject_name',
        's.role as subject_role',
      ])
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
