import type { FastifyInstance } from 'fastify';
import { nowIso } from './db/database';
import { withLease } from './db/lease';
import { deleteExpiredSessions } from './features/auth/sessions.repository';
import { startDailyBackups } from './features/backups/daily-backups';
import { touchRooms } from './features/rooms/rooms.repository';

const SESSION_SWEEP_MS = 3_600_000;

/**
 * One tick of the idle-room sweep, on every node. First this node marks the rooms it serves as
 * active (every node, every tick, lease or not: a room someone is in on any node is never idle);
 * then, on one node at a time (the 'room-sweep' lease), the rooms' sweep finds the calls both
 * sides left more than ROOM_IDLE_MINUTES ago and finalizes them. The sweep interval is a quarter
 * of that time at most, so a room in use anywhere was marked long before it could count as idle.
 */
export async function roomSweepTick(app: FastifyInstance): Promise<void> {
  await touchRooms(app.db, app.rooms.presence.activeCodes(), nowIso());
  await withLease(app.db, 'room-sweep', () => app.rooms.sweep());
}

/** Deletes sessions past their idle or absolute expiry; one node at a time. */
export async function sessionSweepTick(app: FastifyInstance): Promise<void> {
  await withLease(app.db, 'session-sweep', async () => {
    const now = Date.now();
    await deleteExpiredSessions(app.db, new Date(now).toISOString(), new Date(now - app.config.session.idleMs).toISOString());
  });
}

/** Ms between room sweeps: a quarter of ROOM_IDLE_MINUTES, between 1 s and a minute. */
export function roomSweepEveryMs(idleMs: number): number {
  return Math.min(60_000, Math.max(1_000, idleMs / 4));
}

/**
 * Starts the node's timers: the idle-room sweep, the expired-session sweep and, with
 * BACKUP_DAILY, the daily backup. Returns a stop function that clears them and waits for a
 * tick still running, so the database can be closed after it.
 */
export function startBackgroundJobs(app: FastifyInstance): () => Promise<void> {
  const running = new Set<Promise<void>>();
  const every = (ms: number, label: string, tick: () => Promise<void>) => {
    let busy = false;
    const timer = setInterval(() => {
      // A tick slower than the interval is not stacked on itself.
      if (busy) return;
      busy = true;
      const run = tick()
        .catch((err: unknown) => app.log.error({ err }, `${label} failed`))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(SESSION_SWEEP_MS, 'session sweep', () => sessionSweepTick(app)),
    // Calls that both sides left without finalizing are finalized after ROOM_IDLE_MINUTES.
    every(roomSweepEveryMs(app.config.rooms.idleMs), 'room sweep', () => roomSweepTick(app)),
  ];
  const stopDailyBackups = app.config.backups.daily ? startDailyBackups(app) : () => undefined;
  return async () => {
    for (const timer of timers) clearInterval(timer);
    stopDailyBackups();
    await Promise.allSettled([...running]);
  };
}
