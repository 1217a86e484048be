import type { Redis } from '#server/lib/redis.ts';
import { FloodBench } from './flood-bench';
import { PersonRateLimiter } from './person-rate-limiter';

/** An answer now, or after asking Redis (multi-node mode). */
export type Maybe<T> = T | Promise<T>;

/**
 * The realtime layer's limits: the person's event budget, handshakes per session, the flood
 * bench and sockets per session. On one node they are counted in memory; in multi-node mode they
 * hold per person across nodes (`RedisRealtimeLimits`).
 */
export interface RealtimeLimits {
  /** Spends `cost` from the person's event budget; false when it is spent. */
  takeEvent(personId: string, cost: number): Maybe<boolean>;
  /** Counts one handshake of a session (by the token's hash); false when it opened too many lately. */
  takeHandshake(session: string): Maybe<boolean>;
  /** True while a session that flooded is refused at the door. */
  isBenched(session: string): Maybe<boolean>;
  /** A session flooded: bench it (doubling on repeats). */
  strike(session: string): void;
  /** Counts a socket of a session; false (counting nothing) when it already holds `perSession`. */
  openSocket(sessionId: string, socketId: string): Maybe<boolean>;
  closeSocket(sessionId: string, socketId: string): void;
  /** Periodic upkeep: forget what expired; in multi-node mode, keep this node's sockets counted. */
  maintain(open: readonly { sessionId: string; socketId: string }[]): Promise<void>;
}

export type LimitSettings = {
  eventsPer10s: number;
  handshakesPer10s: number;
  socketsPerSession: number;
  bench: { baseMs: number; maxMs: number; memoryMs: number };
};

const WINDOW_MS = 10_000;

/** One node: everything in memory, as before multi-node mode. */
export class LocalRealtimeLimits implements RealtimeLimits {
  private readonly events: PersonRateLimiter;
  private readonly handshakes: PersonRateLimiter;
  private readonly bench: FloodBench;
  private readonly open = new Map<string, number>();

  constructor(private readonly settings: LimitSettings) {
    this.events = new PersonRateLimiter(settings.eventsPer10s, WINDOW_MS);
    this.handshakes = new PersonRateLimiter(settings.handshakesPer10s, WINDOW_MS);
    this.bench = new FloodBench(settings.bench.baseMs, settings.bench.maxMs, settings.bench.memoryMs);
  }

  takeEvent(personId: string, cost: number): boolean {
    return this.events.take(personId, cost);
  }

  takeHandshake(session: string): boolean {
    return this.handshakes.take(session);
  }

  isBenched(session: string): boolean {
    return this.bench.isBenched(session);
  }

  strike(session: string): void {
    this.bench.strike(session);
  }

  openSocket(sessionId: string): boolean {
    const open = this.open.get(sessionId) ?? 0;
    if (open >= this.settings.socketsPerSession) return false;
    this.open.set(sessionId, open + 1);
    return true;
  }

  closeSocket(sessionId: string): void {
    const left = (this.open.get(sessionId) ?? 1) - 1;
    if (left > 0) this.open.set(sessionId, left);
    else this.open.delete(sessionId);
  }

  async maintain(): Promise<void> {
    this.events.prune();
    this.handshakes.prune();
    this.bench.prune();
  }
}

/** A token bucket refilled continuously (as PersonRateLimiter), on Redis's clock. */
const TOKEN_BUCKET = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local budget = tonumber(ARGV[1])
local cost = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or budget
local at = tonumber(b[2]) or now
tokens = math.min(budget, tokens + math.max(0, now - at) * tonumber(ARGV[2]))
local ok = 0
if tokens >= cost then
  tokens = tokens - cost
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return ok`;

/** Sockets of a session as a sorted set of socket ids scored by when they expire (a dead node's age out). */
const OPEN_SOCKET = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == false and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * One more strike: benched for base × 2^(strikes−1), up to max; strikes forgotten after memory.
 * None while already benched (the person's other sockets tripping over the same burst).
 */
const STRIKE = `
local left = redis.call('PTTL', KEYS[2])
if left > 0 then return left end
local strikes = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local ms = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) * 2 ^ (strikes - 1))
redis.call('SET', KEYS[2], '1', 'PX', math.floor(ms))
return ms`;

/** How long a counted socket holds without this node refreshing it (a dead node's sockets free their place). */
const SOCKET_TTL_MS = 30_000;

/**
 * Multi-node mode: the same limits, per person and session across nodes, in Redis. Each check
 * still runs the node's own counter first (in memory, no round trip), so a flood on one node is
 * cut at once; then Redis, which sees every node. A Redis error never refuses anyone and never
 * throws: it is logged (once a minute at most) and the node's own limits still hold.
 */
export class RedisRealtimeLimits implements RealtimeLimits {
  private readonly local: LocalRealtimeLimits;
  private lastErrorLog = 0;

  constructor(
    private readonly redis: Redis,
    private readonly settings: LimitSettings,
    private readonly log: { warn: (obj: object, msg: string) => void },
  ) {
    this.local = new LocalRealtimeLimits(settings);
  }

  private failSafe(what: string, allow: boolean) {
    return (err: unknown): boolean => {
      const now = Date.now();
      if (now - this.lastErrorLog > 60_000) {
        this.lastErrorLog = now;
        this.log.warn({ err }, `realtime limits: Redis failed (${what}); counting on this node only`);
      }
      return allow;
    };
  }

  /** A command's promise; a synchronous throw (a bad argument) becomes a rejection too. */
  private ask<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return command(this.redis);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private bucket(key: string, budget: number, cost: number): Promise<boolean> {
    const args = [String(budget), String(budget / WINDOW_MS), String(cost), String(WINDOW_MS * 2)];
    return this.ask((r) => r.eval(TOKEN_BUCKET, { keys: [key], arguments: args })).then((ok) => Number(ok) === 1, this.failSafe('event budget', true));
  }

  takeEvent(personId: string, cost: number): Maybe<boolean> {
    if (!this.local.takeEvent(personId, cost)) return false;
    return this.bucket(`mc:events:${personId}`, this.settings.eventsPer10s, cost);
  }

  takeHandshake(session: string): Maybe<boolean> {
    if (!this.local.takeHandshake(session)) return false;
    return this.bucket(`mc:handshakes:${session}`, this.settings.handshakesPer10s, 1);
  }

  isBenched(session: string): Maybe<boolean> {
    if (this.local.isBenched(session)) return true;
    return this.ask((r) => r.exists(`mc:bench:${session}`)).then((n) => Number(n) > 0, this.failSafe('flood bench', false));
  }

  strike(session: string): void {
    this.local.strike(session);
    const { baseMs, maxMs, memoryMs } = this.settings.bench;
    const args = [String(baseMs), String(maxMs), String(memoryMs)];
    this.ask((r) => r.eval(STRIKE, { keys: [`mc:strikes:${session}`, `mc:bench:${session}`], arguments: args })).catch(this.failSafe('flood bench', false));
  }

  openSocket(sessionId: string, socketId: string): Maybe<boolean> {
    const args = [socketId, String(this.settings.socketsPerSession), String(SOCKET_TTL_MS)];
    return this.ask((r) => r.eval(OPEN_SOCKET, { keys: [`mc:sockets:${sessionId}`], arguments: args })).then(
      (ok) => Number(ok) === 1,
      // Without Redis, this node's own count decides.
      (err: unknown) => (this.failSafe('sockets per session', true)(err), this.local.openSocket(sessionId)),
    );
  }

  closeSocket(sessionId: string, socketId: string): void {
    this.local.closeSocket(sessionId);
    this.ask((r) => r.zRem(`mc:sockets:${sessionId}`, socketId)).catch(this.failSafe('sockets per session', true));
  }

  async maintain(open: readonly { sessionId: string; socketId: string }[]): Promise<void> {
    await this.local.maintain();
    if (open.length === 0) return;
    const until = Date.now() + SOCKET_TTL_MS;
    await this.ask((r) => {
      const multi = r.multi();
      for (const s of open)
        multi.zAdd(`mc:sockets:${s.sessionId}`, { score: until, value: s.socketId }, { XX: true }).pExpire(`mc:sockets:${s.sessionId}`, SOCKET_TTL_MS);
      return multi.exec();
    }).catch(this.failSafe('sockets per session', true));
  }
}
