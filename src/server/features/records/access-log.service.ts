import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CLINIC_TIME_ZONE } from '#shared/domain/clinic-month.ts';
import type { AccessAction, AccessLog, accessLogQuerySchema } from '#shared/schemas/records.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { Actor } from '#server/core/actor.ts';
import { insertAccessLog, listAccessLog } from './access-log.repository';

/**
 * LGPD: appends who opened whose health data. Called before the data is returned, so a read that
 * could not be logged fails instead of going unrecorded.
 */
export async function logRecordAccess(db: DbOrTrx, actor: Actor, patientId: string, action: AccessAction, resourceId: string | null): Promise<void> {
  await insertAccessLog(db, {
    id: randomUUID(),
    actor_id: actor.user.id,
    patient_id: patientId,
    action,
    resource_id: resourceId,
    ip: actor.ip,
    user_agent: actor.userAgent?.slice(0, 300) ?? null,
    created_at: nowIso(),
    subject_id: null,
  });
}

/**
 * LGPD: a doctor gained or lost access to a patient's record because someone else (the admin)
 * linked or unlinked them. Logged with the reads, so the patient's "Quem viu meus dados" and the
 * admin's access log show who can see the record, not only who opened it.
 */
export async function logAccessChange(db: DbOrTrx, actor: Actor, patientId: string, doctorId: string, change: 'granted' | 'revoked'): Promise<void> {
  await insertAccessLog(db, {
    id: randomUUID(),
    actor_id: actor.user.id,
    patient_id: patientId,
    action: change === 'granted' ? 'access.granted' : 'access.revoked',
    resource_id: null,
    subject_id: doctorId,
    ip: actor.ip,
    user_agent: actor.userAgent?.slice(0, 300) ?? null,
    created_at: nowIso(),
  });
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms (negative in Brazil). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant a calendar day ("2026-11-28") starts in the clinic's time zone, plus `addDays`. */
export function clinicDayStart(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d + addDays);
  // Two passes: the offset at the guessed instant can differ from the offset at midnight (old DST dates).
  let t = wallMidnight - zoneOffsetMs(wallMidnight, CLINIC_TIME_ZONE);
  t = wallMidnight - zoneOffsetMs(t, CLINIC_TIME_ZONE);
  return new Date(t).toISOString();
}

type Query = z.output<typeof accessLogQuerySchema>;

function toPage(rows: Awaited<ReturnType<typeof listAccessLog>>['rows'], total: number, q: Pick<Query, 'page' | 'pageSize'>, showIp: boolean): AccessLog {
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
      patient: { id: r.patient_id, name: r.patient_name },
      action: r.action,
      resourceId: r.resource_id,
      subject: r.subject_id && r.subject_name && r.subject_role ? { id: r.subject_id, name: r.subject_name, role: r.subject_role } : null,
      ip: showIp ? r.ip : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The admin's view of the whole log, filtered. */
export async function listAccessLogForAdmin(db: DbOrTrx, q: Query): Promise<AccessLog> {
  const { rows, total } = await listAccessLog(
    db,
    {
      patientId: q.patientId,
      actorId: q.actorId,
      action: q.action,
      from: q.from ? clinicDayStart(q.from) : undefined,
      before: q.to ? clinicDayStart(q.to, 1) : undefined,
    },
    q.page,
    q.pageSize,
  );
  return toPage(rows, total, q, true);
}

/** A patient sees who else opened their record; their own reads and the IPs stay out. */
export async function listOwnAccessLog(db: DbOrTrx, actor: Actor, q: Pick<Query, 'page' | 'pageSize'>): Promise<AccessLog> {
  const { rows, total } = await listAccessLog(db, { patientId: actor.user.id, notActorId: actor.user.id }, q.page, q.pageSize);
  return toPage(rows, total, q, false);
}
