import type { Redis } from '#server/lib/redis.ts';
import { PRESENCE_HEARTBEAT_MS } from './redis-room-state';
import type { DeadNodes } from './room-state';

/**
 * How long a node counts as alive after its last beat. It beats every PRESENCE_HEARTBEAT_MS (3 s),
 * so this leaves 2 s for a late tick or a slow round trip; a node that misses a beat altogether
 * has lost Redis, and with it the other nodes (relays and broadcasts go through the same Redis).
 * Half of PRESENCE_FRESH_MS (10 s): a dead node's views stop holding that much sooner.
 */
export const NODE_ALIVE_MS = 5_000;
/** A lapsed node is remembered this long (then its views are judged by their own `f`, long past by then). */
const FORGET_AFTER_MS = 3_600_000;
const NODES_KEY = 'mc:nodes';

/**
 * Marks this node alive for ARGV[2] ms more (0: it stops now), forgets nodes lapsed longer than
 * ARGV[3] ms ago, and answers the lapsed ones with when they lapsed. On Redis's clock, so whether
 * a node is dead does not depend on the nodes' clocks agreeing (only when its members turn
 * "offline" does, as for the views' own `f`).
 */
const BEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'WITHSCORES')`;

/**
 * Multi-node mode: which nodes are alive, one sorted set for the whole deployment (node id scored by
 * "alive until"). Views of the rooms' presence are per room and member; this is per node, so a node
 * that died is known as such after NODE_ALIVE_MS however many rooms it served, and its views stop
 * counting as live sockets (ADR 023, "Node liveness"). A node never seen here (it has not beaten
 * yet, or runs a build without liveness) is judged by its views' own expiry, as before.
 */
export class NodeLiveness {
  private dead: DeadNodes = new Map();
  private readAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<DeadNodes> | undefined;
  private aliveMs = NODE_ALIVE_MS;

  constructor(
    private readonly redis: Redis,
    /** Names this node's views of the rooms' presence too. */
    readonly nodeId: string,
  ) {}

  /**
   * This node is alive for NODE_ALIVE_MS more; and which nodes are not, read in the same round
   * trip. One call in flight at a time: a beat asked for while one runs gets that one's answer.
   */
  beat(): Promise<DeadNodes> {
    if (this.pending) return this.pending;
    const sentAt = Date.now();
    const pending = this.send()
      .then((lapsed) => {
        const flat = (lapsed as unknown[]).map(String);
        const dead = new Map<string, number>();
        // This node runs this code, so it is alive to itself even when its own beats did not get through.
        for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] !== this.nodeId) dead.set(flat[i]!, Number(flat[i + 1]));
        this.dead = dead;
        this.readAt = sentAt;
        return this.dead;
      })
      .finally(() => {
        this.pending = undefined;
      });
    this.pending = pending;
    return pending;
  }

  /** Async, so that even a client that throws at once (closed) answers with a rejection the caller logs. */
  private async send(): Promise<unknown> {
    return this.redis.eval(BEAT, { keys: [NODES_KEY], arguments: [this.nodeId, String(this.aliveMs), String(FORGET_AFTER_MS)] });
  }

  /**
   * The nodes known dead, as read by the last beat when that was less than a heartbeat ago
   * (otherwise beats now): read once per node and heartbeat, never once per room or member.
   */
  deadNodes(): Promise<DeadNodes> {
    if (this.pending) return this.pending;
    if (Date.now() - this.readAt < PRESENCE_HEARTBEAT_MS) return Promise.resolve(this.dead);
    return this.beat();
  }

  /** Clean shutdown: the other nodes count this one dead at once, and no later beat revives it. */
  async leave(): Promise<void> {
    this.aliveMs = 0;
    await this.pending?.catch(() => undefined);
    await this.beat();
  }
}
