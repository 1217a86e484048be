import { createClient } from 'redis';

/** The Redis connection of one node in multi-node mode (REDIS_URL). */
export type Redis = ReturnType<typeof createClient>;

/** Redis did not answer at start-up: reported in one line, and the node does not start. */
export class RedisUnavailableError extends Error {}

/** How long a health check waits for PONG: a Redis that hangs counts as down. */
const PING_TIMEOUT_MS = 1_000;
/** After the first connection, reconnect forever, at most this far apart. */
const MAX_RETRY_MS = 2_000;

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Connects to Redis. At start-up a Redis that does not answer is an error (the node would be
 * half-working: nodes could not reach each other's sockets); once connected, a lost connection
 * is retried for as long as the process lives, and `/readyz` answers 503 meanwhile. Commands
 * fail at once while disconnected instead of queueing, so nothing waits on a dead Redis.
 */
export async function connectRedis(url: string): Promise<Redis> {
  let connectedOnce = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 3_000,
      reconnectStrategy: (retries, cause) => (connectedOnce ? Math.min(100 * 2 ** retries, MAX_RETRY_MS) : cause),
    },
  });
  // Without a listener an 'error' event would end the process; outages are logged by watchRedis.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    if (client.isOpen) client.destroy();
    throw new RedisUnavailableError(`Redis does not answer at ${redactRedisUrl(url)} (${reason || 'no answer'}): start it or fix REDIS_URL`);
  }
  connectedOnce = true;
  return client;
}

/** Logs when the connection to Redis is lost and when it comes back (once each, not every retry). */
export function watchRedis(client: Redis, log: { warn: (obj: object, msg: string) => void; info: (msg: string) => void }): void {
  let lost = false;
  client.on('error', (err: unknown) => {
    if (lost) return;
    lost = true;
    log.warn({ err }, 'Redis connection lost: retrying; /readyz answers 503 until it is back');
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    log.info('Redis connection back');
  });
}

/** Whether Redis answers PING within a second (the readiness check). */
export async function redisAnswers(client: Redis): Promise<boolean> {
  if (!client.isReady) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const pong = await Promise.race([
      client.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
      }),
    ]);
    return pong === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the connection, letting commands already sent finish. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.isOpen) await client.close();
  else client.destroy();
}
