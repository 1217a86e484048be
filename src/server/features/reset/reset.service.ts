import { randomUUID } from 'node:crypto';
import type { ResetPreview, ResetResult } from '#shared/schemas/reset.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import { AppError, conflict } from '#server/errors.ts';
import type { Auth } from '#server/plugins/fastify-types.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { confirmCurrentPassword } from '#server/features/auth/auth.service.ts';
import { createBackup } from '#server/features/backups/backup.service.ts';
import { resetClinicFees } from '#server/features/billing/fees.service.ts';
import {
  ERASED_TABLES,
  claimReset,
  countRows,
  countUsersByRole,
  eraseNonAdmins,
  eraseTable,
  failRunningResets,
  finishReset,
  listResets,
} from './reset.repository';

export const resetDisabled = () =>
  new AppError('reset_disabled', 403, 'A redefinição do banco de dados está desligada nesta instalação (RESET_ENABLED=false).');

/** What a reset would erase and keep, with the resets made before. */
export async function previewReset(db: Db, config: Config): Promise<ResetPreview> {
  const [byRole, consultations, records, billing, payments, history] = await Promise.all([
    countUsersByRole(db),
    countRows(db, 'consultations'),
    countRows(db, 'evolutions'),
    countRows(db, 'billing_records'),
    countRows(db, 'payments'),
    listResets(db),
  ]);
  const doctors = byRole.doctor ?? 0;
  const patients = byRole.patient ?? 0;
  return {
    enabled: config.resetEnabled,
    erases: { users: doctors + patients, doctors, patients, consultations, records, billing, payments },
    keeps: { admins: byRole.admin ?? 0 },
    history: history.map((r) => ({
      id: r.id,
      status: r.status,
      actor: { id: r.actor_id, name: r.actor_name, email: r.actor_email },
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
      backup: r.backup_name && r.backup_sha256 ? { name: r.backup_name, sha256: r.backup_sha256 } : null,
      error: r.error,
    })),
  };
}

type ResetHooks = {
  /** Ends every call cleanly and disconnects every socket but the caller's session's; runs after the backup, before the erase, and again after. */
  disconnectEveryone: () => void;
};

/**
 * Resets the database, keeping the admins. In order, each step only if the one before worked:
 * the caller's password (throttled like a password change); a claim that only one reset runs
 * (409 for the other); a backup, verified (integrity and counts, checksum) — if it fails nothing
 * is erased; every call ended and every other socket disconnected; one transaction that erases
 * everything else, puts the clinic's fees back to the defaults, ends every other session and
 * writes the reset into the reset log (which outlives it) and a fresh audit log. Clinical data is
 * otherwise never deleted (ADR 011).
 */
export async function resetDatabase(db: Db, config: Config, auth: Auth, password: string, ip: string | null, hooks: ResetHooks): Promise<ResetResult> {
  if (!config.resetEnabled) throw resetDisabled();
  await confirmCurrentPassword(db, config, auth, password, ip, 'password');
  const { user, sessionId } = auth;
  const id = randomUUID();
  if (!(await claimReset(db, { id, actor_id: user.id, actor_name: user.name, actor_email: user.email, started_at: nowIso() }))) {
    throw conflict('reset_running', 'Uma redefinição já está em andamento. Aguarde ela terminar.');
  }
  try {
    const backup = await createBackup(db, config, 'reset', { id: user.id, name: user.name, ip });
    hooks.disconnectEveryone();
    const erased = await db.transaction().execute(async (trx) => {
      const counts: Record<string, number> = {};
      for (const table of ERASED_TABLES) counts[table] = await eraseTable(trx, table);
      Object.assign(counts, await eraseNonAdmins(trx, sessionId));
      const at = nowIso();
      await resetClinicFees(trx, user.id, at);
      await finishReset(trx, id, { status: 'done', finished_at: at, counts: JSON.stringify(counts), backup_name: backup.name, backup_sha256: backup.sha256 });
      await recordAudit(trx, {
        actorId: user.id,
        action: 'database.reset',
        entityType: 'database',
        entityId: null,
        details: { resetId: id, backup: backup.name, sha256: backup.sha256, erased: counts },
        ip,
      });
      return counts;
    });
    hooks.disconnectEveryone();
    return { erased, backup: { name: backup.name, sha256: backup.sha256, dir: config.backups.dir, sizeBytes: backup.sizeBytes } };
  } catch (error) {
    await finishReset(db, id, { status: 'failed', finished_at: nowIso(), error: error instanceof AppError ? error.code : 'erro interno' }).catch(
      () => undefined,
    );
    throw error;
  }
}

/**
 * On a single node (SQLite) nothing else can be resetting when the server starts: a 'running'
 * row is a reset a crash cut off. Its transaction never committed, so the data is whole; the row
 * is marked failed so the next reset isn't refused. (With PostgreSQL and several nodes, the
 * one-hour staleness in claimReset does this instead.)
 */
export async function recoverInterruptedResets(db: Db): Promise<number> {
  return failRunningResets(db, nowIso());
}
