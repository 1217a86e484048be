import { randomUUID } from 'node:crypto';
import type { DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit log, in the caller's transaction so the record and the change land together. */
export async function recordAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: entry.details ? JSON.stringify(entry.details) : null,
      ip: entry.ip ?? null,
      created_at: nowIso(),
    })
    .execute();
}
