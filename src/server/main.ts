import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { startBackgroundJobs } from './background-jobs';
import { ConfigError, loadConfig } from './config';
import { ensureAdmin } from './db/bootstrap-admin';
import { createDb } from './db/database';
import { migrateToLatest } from './db/migrate';
import { recoverInterruptedResets } from './features/reset/reset.service';
import { lanAddresses, selfSignedCertificate } from './lib/self-signed';
import { type Redis, RedisUnavailableError, closeRedis, connectRedis, redactRedisUrl, watchRedis } from './lib/redis';
import { holdServerLock } from './lib/server-lock';

/** On SIGTERM/SIGINT: connections still open are cut after this long, and the process exits after the limit. */
const SHUTDOWN_CUT_MS = 8_000;
const SHUTDOWN_LIMIT_MS = 10_000;

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

  // Multi-node mode: a Redis that does not answer stops the start, in one line, before anything else.
  let redis: Redis | undefined;
  if (config.redis) {
    try {
      redis = await connectRedis(config.redis.url);
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
  }
  const db = createDb(config.database);
  await migrateToLatest(db);
  const releaseLock = holdServerLock(config.dataDir);
  if (config.database.kind === 'sqlite') await recoverInterruptedResets(db);
  process.on('exit', releaseLock);
  const admin = await ensureAdmin(db, config);
  const https = config.https ? await selfSignedCertificate(config.dataDir) : undefined;
  const app = await buildApp(config, { db, https, redis });
  if (redis) watchRedis(redis, app.log);
  exitOnCrash(app);
  const stopJobs = startBackgroundJobs(app);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting at once, let requests in flight finish, and be gone within 10 s whatever
    // hangs: at 8 s connections still open are cut, at 10 s the process exits regardless.
    setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_CUT_MS).unref();
    setTimeout(() => {
      app.log.warn('shutdown took longer than 10 s: exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    const jobsStopped = stopJobs();
    await app.close();
    await jobsStopped;
    await db.destroy();
    if (redis) await closeRedis(redis);
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
  if (config.redis) console.info(`Multi-node mode: Redis at ${redactRedisUrl(config.redis.url)}`);
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
