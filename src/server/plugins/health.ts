import type { FastifyInstance } from 'fastify';
import type { Db } from '#server/db/database.ts';
import { pendingMigrations } from '#server/db/migrate.ts';
import { type Redis, redisAnswers } from '#server/lib/redis.ts';

/** A dependency that takes longer than this to answer counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

export type Readiness = {
  status: 'ready' | 'not_ready';
  database: 'ok' | 'down';
  /** Every migration this build knows has run on the database. */
  migrations: 'ok' | 'pending' | 'unknown';
  /** `off` when REDIS_URL is not set (one node). */
  redis: 'ok' | 'down' | 'off';
};

/**
 * `GET /healthz`: the process is alive and its event loop answers (a liveness probe: it asks no
 * dependency, so an outage of the database does not get every node restarted at once).
 * `GET /readyz`: this node can serve (the load balancer's check): the database answers, the
 * migrations are all applied and, in multi-node mode, Redis answers PING. 503 otherwise, with
 * which part failed; never an error message.
 */
export function registerHealth(app: FastifyInstance, deps: { db: Db; redis: Redis | undefined; redisConfigured: boolean }): void {
  app.get('/healthz', async (_request, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', async (_request, reply) => {
    const [migrations, redis] = await Promise.all([
      within(pendingMigrations(deps.db)).then(
        (pending) => (pending.length === 0 ? ('ok' as const) : ('pending' as const)),
        () => null,
      ),
      !deps.redisConfigured
        ? ('off' as const)
        : deps.redis
          ? redisAnswers(deps.redis).then((ok) => (ok ? ('ok' as const) : ('down' as const)))
          : ('down' as const),
    ]);
    const body: Readiness = {
      status: migrations === 'ok' && redis !== 'down' ? 'ready' : 'not_ready',
      database: migrations === null ? 'down' : 'ok',
      migrations: migrations ?? 'unknown',
      redis,
    };
    void reply.header('Cache-Control', 'no-store');
    return reply.status(body.status === 'ready' ? 200 : 503).send(body);
  });
}

async function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
