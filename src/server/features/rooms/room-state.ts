import type { PresenceState } from '#shared/realtime/events.ts';
import type { PresenceRegistry } from './presence';
import { type WaitingEntry, WaitingPatients } from './waiting-patients';

/**
 * What the rooms must agree on across nodes: each person's presence in a room (merged over the
 * nodes holding their sockets), which presence was last announced, who waits for which doctor,
 * and who reported media connected. One node keeps it all in memory (`LocalRoomState`); in
 * multi-node mode it lives in Redis (`RedisRoomState`), so a doctor on node A sees a patient on
 * node B, and a node that dies takes its members' presence with it after a short expiry.
 */
export interface RoomState {
  /** The person's state in the room, across every node. */
  presence(code: string, userId: string): Promise<PresenceState>;
  /** Whether any of the person's sockets is in the room, on any node. */
  isOnline(code: string, userId: string): Promise<boolean>;
  /** This node's view of the person changed (or is still alive): publish it. */
  publish(code: string, userId: string): Promise<void>;
  /** True when `state` differs from the last one announced for this person (once across nodes). */
  announceOnce(code: string, userId: string, state: PresenceState): Promise<boolean>;
  /** Records whether the room's patient waits; true when that changed (then tell the doctor, once). */
  setWaiting(code: string, waiting: boolean, entry: Omit<WaitingEntry, 'code' | 'since'>, now: string): Promise<boolean>;
  isWaiting(code: string): Promise<boolean>;
  /** Forgets a closed room's waiting entry; returns it when this call removed it. */
  dropWaiting(code: string): Promise<WaitingEntry | undefined>;
  /** Every waiting patient (multi-node sweeps re-check them), or one doctor's, longest waiting first. */
  waiting(doctorId?: string): Promise<WaitingEntry[]>;
  /** Records that the person's media flows; returns everyone's claims in the room. */
  claimConnected(code: string, userId: string, at: string): Promise<Map<string, string>>;
  unclaimConnected(code: string, userId: string): Promise<void>;
  /** This node no longer serves the room (nobody here is in it). */
  forget(code: string): Promise<void>;
  /** The room closed: forget what was shared about it. */
  closed(code: string): Promise<void>;
}

/** One node: everything in this process's memory, as before multi-node mode. */
export class LocalRoomState implements RoomState {
  private readonly connected = new Map<string, Map<string, string>>();
  private readonly waitingPatients = new WaitingPatients();

  constructor(private readonly registry: PresenceRegistry) {}

  async presence(code: string, userId: string): Promise<PresenceState> {
    return this.registry.state(code, userId);
  }

  async isOnline(code: string, userId: string): Promise<boolean> {
    return this.registry.isOnline(code, userId);
  }

  async publish(): Promise<void> {}

  async announceOnce(): Promise<boolean> {
    // The registry reports only real changes, so every announcement is news on one node.
    return true;
  }

  async setWaiting(code: string, waiting: boolean, entry: Omit<WaitingEntry, 'code' | 'since'>, now: string): Promise<boolean> {
    return this.waitingPatients.set(code, waiting, entry, now);
  }

  async isWaiting(code: string): Promise<boolean> {
    return this.waitingPatients.has(code);
  }

  async dropWaiting(code: string): Promise<WaitingEntry | undefined> {
    return this.waitingPatients.drop(code);
  }

  async waiting(doctorId?: string): Promise<WaitingEntry[]> {
    return doctorId === undefined ? this.waitingPatients.all() : this.waitingPatients.forDoctor(doctorId);
  }

  async claimConnected(code: string, userId: string, at: string): Promise<Map<string, string>> {
    let claims = this.connected.get(code);
    if (!claims) {
      claims = new Map();
      this.connected.set(code, claims);
    }
    claims.set(userId, at);
    return new Map(claims);
  }

  async unclaimConnected(code: string, userId: string): Promise<void> {
    this.connected.get(code)?.delete(userId);
  }

  async forget(code: string): Promise<void> {
    this.connected.delete(code);
  }

  async closed(code: string): Promise<void> {
    this.connected.delete(code);
  }
}

/** One node's view of one person in one room, as published in Redis. */
export type NodeView = {
  /** The person's state on that node. */
  s: PresenceState;
  /** Since when (ms). */
  t: number;
  /** How many of the person's sockets are in the room on that node. */
  n: number;
  /** Until when the view holds (ms): a live node pushes it forward while the sockets live. */
  f: number;
};

/** The nodes known dead, each with when its liveness lapsed (ms): a dead node's views hold no longer than that. */
export type DeadNodes = ReadonlyMap<string, number>;

/** A view whose node holds live sockets: still refreshed (`f` ahead) by a node not known dead. */
export function viewHoldsSockets(node: string, view: NodeView, now: number, deadNodes: DeadNodes): boolean {
  return view.n > 0 && view.f > now && !deadNodes.has(node);
}

/**
 * A person's presence from every node's view (`[node id, view]`). Any live socket anywhere wins
 * (in the call over the waiting room). A view that stopped being refreshed while it still had
 * sockets is a node that died: the person shows as reconnecting for the grace period, then
 * offline, as after a dropped connection. So is a view whose node is known dead (`deadNodes`: its
 * liveness lapsed, or it shut down), however far ahead its `f`: it is taken as having stopped
 * holding when the node's liveness lapsed. Otherwise the newest view says it ('left', or
 * 'reconnecting' until its own deadline, then 'offline'). A dead node's word is dated at its last
 * refresh (`f` minus `freshMs`), the last moment it was known alive, not at `f`: the person may
 * have come back through another node and left on purpose since, and that later "left" must win,
 * as soon as the node is known dead.
 */
export function mergePresence(
  views: readonly (readonly [node: string, view: NodeView])[],
  now: number,
  graceMs: number,
  freshMs: number,
  deadNodes: DeadNodes,
): PresenceState {
  const live = views.filter(([node, v]) => viewHoldsSockets(node, v, now, deadNodes)).map(([, v]) => v);
  if (live.length > 0) return live.some((v) => v.s === 'in_call') ? 'in_call' : (live.find((v) => v.s === 'waiting')?.s ?? live[0]!.s);
  let best: { state: PresenceState; at: number } | undefined;
  for (const [node, v] of views) {
    const stopped = Math.min(v.f, deadNodes.get(node) ?? v.f);
    const candidate =
      v.n > 0
        ? { state: now < stopped + graceMs ? ('reconnecting' as const) : ('offline' as const), at: v.f - freshMs }
        : { state: v.s === 'reconnecting' && now >= v.f ? ('offline' as const) : v.s, at: v.t };
    if (!best || candidate.at > best.at) best = candidate;
  }
  return best?.state ?? 'offline';
}
