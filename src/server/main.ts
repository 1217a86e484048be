import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { ensureAdmin } from './db/bootstrap-admin';
import { createDb } from './db/database';
import { migrateToLatest } from './db/migrate';
import { deleteExpiredSessions } from './features/auth/sessions.repository';
import { startDailyBackups } from './features/backups/daily-backups';
import { recoverInterruptedResets } from './features/reset/reset.service';
import { lanAddresses, selfSignedCertificate } from './lib/self-signed';
import { holdServerLock } from './lib/server-lock';

/** Reads config, migrates, creates the first admin, listens, and shuts down gracefully. */
async function main(): Promise<void> {
  const env = { ...process.env };
  if (process.argv.includes('--https')) env.HTTPS = '1';
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const db = createDb(config.database);
  await migrateToLatest(db);
  const releaseLock = holdServerLock(config.dataDir);
  if (config.database.kind === 'sqlite') await recoverInterruptedResets(db);
  process.on('exit', releaseLock);
  const admin = await ensureAdmin(db, config);
  const https = config.https ? await selfSignedCertificate(config.dataDir) : undefined;
  const app = await buildApp(config, { db, https });
  exitOnCrash(app);

  const sweep = setInterval(() => {
    const now = Date.now();
    deleteExpiredSessions(db, new Date(now).toISOString(), new Date(now - config.session.idleMs).toISOString()).catch((err: unknown) =>
      app.log.error({ err }, 'session sweep failed'),
    );
  }, 3_600_000);
  sweep.unref();
  // Calls that both sides left without finalizing are finalized after ROOM_IDLE_MINUTES.
  const roomSweep = setInterval(() => {
    app.rooms.sweep().catch((err: unknown) => app.log.error({ err }, 'room sweep failed'));
  }, Math.min(60_000, Math.max(1_000, config.rooms.idleMs / 4)));
  roomSweep.unref();
  const stopDailyBackups = config.backups.daily ? startDailyBackups(app) : () => undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(sweep);
    clearInterval(roomSweep);
    stopDailyBackups();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const scheme = config.https ? 'https' : 'http';
  const port = new URL(address).port;
  const urls = [`${scheme}://localhost:${port}`, ...(config.https ? lanAddresses().map((ip) => `${scheme}://${ip}:${port}`) : [])];
  console.info(`\nMedConnect is running at ${urls.join('  ')}`);
  console.info(`Database: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)'}`);
  if (admin) {
    console.info(`First admin created: ${admin.email}`);
    if (admin.password) console.info(`Password (shown only this once, change it after logging in): ${admin.password}`);
  }
}

/**
 * An error nothing caught leaves the process in an unknown state: log it, give open requests a
 * moment to finish, and exit with a failure so the supervisor (systemd, the container runtime;
 * see the README) starts a clean process. Never carry on half-alive.
 */
function exitOnCrash(app: FastifyInstance): void {
  let crashing = false;
  const crash = (kind: string) => (error: unknown) => {
    app.log.fatal({ err: error }, kind);
    if (crashing) return;
    crashing = true;
    setTimeout(() => process.exit(1), 3_000).unref();
    app.close().finally(() => process.exit(1));
  };
  process.on('uncaughtException', crash('uncaught exception: exiting'));
  process.on('unhandledRejection', crash('unhandled promise rejection: exiting'));
}

main().catch((error: unknown) => {
  console.error('MedConnect failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
