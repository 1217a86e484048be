import type { FastifyInstance } from 'fastify';
import { withLease } from '#server/db/lease.ts';
import { listBackups, createBackup, pruneDailyBackups } from './backup.service';

const DAY_MS = 86_400_000;
const CHECK_MS = 3_600_000;

/**
 * BACKUP_DAILY: once an hour, when the newest daily backup is a day old (or there is none), make
 * one and prune the oldest beyond BACKUP_KEEP. Checking hourly rather than sleeping a day means a
 * restart never skips a day. With several nodes (PostgreSQL) one node at a time holds the
 * 'daily-backup' lease for the check and the backup, so two nodes never back up together; they
 * see each other's backups because BACKUP_DIR is shared (README, "Scaling out"). Returns a stop
 * function.
 */
export function startDailyBackups(app: FastifyInstance): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await withLease(app.db, 'daily-backup', async () => {
        const latest = (await listBackups(app.config)).find((m) => m.trigger === 'daily');
        if (latest && Date.now() - Date.parse(latest.createdAt) < DAY_MS) return;
        const made = await createBackup(app.db, app.config, 'daily', null);
        const pruned = await pruneDailyBackups(app.config);
        app.log.info({ backup: made.name, sizeBytes: made.sizeBytes, pruned }, 'daily backup made');
      });
    } catch (err) {
      app.log.error({ err }, 'daily backup failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
