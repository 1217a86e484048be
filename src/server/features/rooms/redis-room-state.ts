import type { PresenceState } from '#shared/realtime/events.ts';
import type { Redis } from '#server/lib/redis.ts';
import type { NodeLiveness } from './node-liveness';
import type { PresenceRegistry } from './presence';
import { type DeadNodes, type NodeView, type RoomState, mergePresence, viewHoldsSockets } from './room-state';
import type { WaitingEntry } from './waiting-patients';

/** How often a node refreshes the views of the people whose sockets it holds. */
export const PRESENCE_HEARTBEAT_MS = 3_000;
/**
 * How long a view with live sockets holds without a refresh: the members of a node that died show
 * "reconnecting" after this at the latest (sooner once its liveness lapses, NODE_ALIVE_MS).
 */
export const PRESENCE_FRESH_MS = 10_000;
/** Presence, announcements and claims are forgotten after this long untouched. */
const KEY_TTL_MS = 3_600_000;
const CLAIMS_TTL_MS = 24 * 3_600_000;

const presenceKey = (code: string, userId: string) => `mc:presence:${code}:${userId}`;
const saidKey = (code: string, userId: string) => `mc:presence-said:${code}:${userId}`;
const connectedKey = (code: string) => `mc:connected:${code}`;
const WAITING_KEY = 'mc:waiting';

/** Sets the key to the value unless it already holds it (nothing said yet counts as "offline"); 1 when it changed. */
const SET_IF_DIFFERENT = `
local said = redis.call('GET', KEYS[1]) or 'offline'
if said == ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

function parseView(raw: string): NodeView | undefined {
  try {
    const v = JSON.parse(raw) as Partial<NodeView>;
    return typeof v.s === 'string' && typeof v.t === 'number' && typeof v.n === 'number' && typeof v.f === 'number' ? (v as NodeView) : undefined;
  } catch {
    return undefined;
  }
}

function parseWaiting(raw: string): WaitingEntry | undefined {
  try {
    return JSON.parse(raw) as WaitingEntry;
  } catch {
    return undefined;
  }
}

/**
 * Multi-node mode: the rooms' shared state in Redis. Presence is one hash per room and member,
 * with a field per node holding that node's view and how long it holds (pushed forward every
 * PRESENCE_HEARTBEAT_MS while the sockets live), so the views of a node that died age out to
 * "reconnecting" and then "offline" without anyone cleaning up after it, sooner once the node's
 * liveness lapses (`NodeLiveness`: once per node, not per view). Waiting patients are one
 * hash (room code → entry); HSETNX and HDEL answer which node made a change, so the doctor is told
 * once. Errors reject: the caller acks `internal_error` or logs; nothing here throws synchronously.
 */
export class RedisRoomState implements RoomState {
  constructor(
    private readonly redis: Redis,
    private readonly registry: PresenceRegistry,
    /** Which nodes are dead (read once per heartbeat); its node id names this node's views. */
    private readonly liveness: NodeLiveness,
    private readonly graceMs: number,
  ) {}

  private get nodeId(): string {
    return this.liveness.nodeId;
  }

  /** Every node's view of the person, by node id, and the nodes known dead (sent together: one round trip). */
  private async views(code: string, userId: string): Promise<[[string, NodeView][], DeadNodes]> {
    const [fields, dead] = await Promise.all([this.redis.hGetAll(presenceKey(code, userId)), this.liveness.deadNodes()]);
    const views = Object.entries(fields).flatMap(([node, raw]): [string, NodeView][] => {
      const view = parseView(String(raw));
      return view ? [[node, view]] : [];
    });
    return [views, dead];
  }

  async presence(code: string, userId: string): Promise<PresenceState> {
    const [views, dead] = await this.views(code, userId);
    // A dead node's members show "reconnecting" for the grace period plus one heartbeat, so that
    // some live node's heartbeat always sees (and announces) it before "offline".
    return mergePresence(views, Date.now(), this.graceMs + PRESENCE_HEARTBEAT_MS, PRESENCE_FRESH_MS, dead);
  }

  async isOnline(code: string, userId: string): Promise<boolean> {
    const [views, dead] = await this.views(code, userId);
    const now = Date.now();
    return views.some(([node, v]) => viewHoldsSockets(node, v, now, dead));
  }

  async publish(code: string, userId: string): Promise<void> {
    const local = this.registry.local(code, userId);
    const key = presenceKey(code, userId);
    if (!local) {
      await this.redis.hDel(key, this.nodeId);
      return;
    }
    const now = Date.now();
    // Without sockets the view is a last word ('left', 'reconnecting' until the grace ends).
    const view: NodeView = { s: local.state, t: local.since, n: local.sockets, f: now + (local.sockets > 0 ? PRESENCE_FRESH_MS : this.graceMs) };
    // Pipelined, not MULTI/EXEC (two commands instead of four, on every heartbeat): should the
    // connection drop between them, the key keeps its previous expiry and the next publish sets it.
    await this.redis.multi().hSet(key, this.nodeId, JSON.stringify(view)).pExpire(key, KEY_TTL_MS).execAsPipeline();
  }

  async announceOnce(code: string, userId: string, state: PresenceState): Promise<boolean> {
    const changed = await this.redis.eval(SET_IF_DIFFERENT, { keys: [saidKey(code, userId)], arguments: [state, String(KEY_TTL_MS)] });
    return Number(changed) === 1;
  }

  async setWaiting(code: string, waiting: boolean, entry: Omit<WaitingEntry, 'code' | 'since'>, now: string): Promise<boolean> {
    if (waiting) return Number(await this.redis.hSetNX(WAITING_KEY, code, JSON.stringify({ code, since: now, ...entry }))) === 1;
    return Number(await this.redis.hDel(WAITING_KEY, code)) === 1;
  }

  async isWaiting(code: string): Promise<boolean> {
    return Number(await this.redis.hExists(WAITING_KEY, code)) === 1;
  }

  async dropWaiting(code: string): Promise<WaitingEntry | undefined> {
    const [raw, removed] = await this.redis.multi().hGet(WAITING_KEY, code).hDel(WAITING_KEY, code).exec();
    return Number(removed) === 1 && typeof raw === 'string' ? parseWaiting(raw) : undefined;
  }

  async waiting(doctorId?: string): Promise<WaitingEntry[]> {
    const all = Object.values(await this.redis.hGetAll(WAITING_KEY))
      .map((raw) => parseWaiting(String(raw)))
      .filter((e): e is WaitingEntry => e !== undefined);
    return (doctorId === undefined ? all : all.filter((e) => e.doctorId === doctorId)).sort((a, b) => a.since.localeCompare(b.since));
  }

  async claimConnected(code: string, userId: string, at: string): Promise<Map<string, string>> {
    const key = connectedKey(code);
    const [, , claims] = await this.redis.multi().hSet(key, userId, at).pExpire(key, CLAIMS_TTL_MS).hGetAll(key).exec();
    return new Map(Object.entries((claims ?? {}) as Record<string, string>));
  }

  async unclaimConnected(code: string, userId: string): Promise<void> {
    await this.redis.hDel(connectedKey(code), userId);
  }

  async forget(): Promise<void> {
    // Another node may still serve the room: nothing shared goes.
  }

  async closed(code: string): Promise<void> {
    await this.redis.del(connectedKey(code));
  }
}
