import type { PresenceState } from '#shared/realtime/events.ts';

type Entry = { state: PresenceState; sockets: Set<string>; since: number; timer?: NodeJS.Timeout | undefined };

/**
 * Who is where, per room and person, on this node. Sockets come and go (tabs, reconnects); a
 * person is online while any of their sockets is in the room. A dropped connection first shows
 * as "reconnecting" and only after a grace period as "offline".
 */
export class PresenceRegistry {
  private readonly rooms = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly graceMs: number,
    private readonly onExpire: (code: string, userId: string) => void,
  ) {}

  private entry(code: string, userId: string): Entry | undefined {
    return this.rooms.get(code)?.get(userId);
  }

  state(code: string, userId: string): PresenceState {
    return this.entry(code, userId)?.state ?? 'offline';
  }

  /** When the person reached their current state (used to pick who makes the first offer). */
  since(code: string, userId: string): number {
    return this.entry(code, userId)?.since ?? Number.POSITIVE_INFINITY;
  }

  isOnline(code: string, userId: string): boolean {
    return (this.entry(code, userId)?.sockets.size ?? 0) > 0;
  }

  /** This node's view of one person in one room (what multi-node mode publishes), or undefined. */
  local(code: string, userId: string): { state: PresenceState; since: number; sockets: number } | undefined {
    const entry = this.entry(code, userId);
    return entry && { state: entry.state, since: entry.since, sockets: entry.sockets.size };
  }

  /** Every (room, person) this node holds, with how many of the person's sockets are here. */
  *entries(): Generator<{ code: string; userId: string; state: PresenceState; since: number; sockets: number }> {
    for (const [code, people] of this.rooms) for (const [userId, e] of people) yield { code, userId, state: e.state, since: e.since, sockets: e.sockets.size };
  }

  /** Codes of rooms with anyone connected. */
  activeCodes(): string[] {
    return [...this.rooms.entries()].filter(([, people]) => [...people.values()].some((e) => e.sockets.size > 0)).map(([code]) => code);
  }

  /** A socket joins; true when the person's state changed (then, and only then, announce it). */
  join(code: string, userId: string, socketId: string, state: PresenceState): boolean {
    let people = this.rooms.get(code);
    if (!people) {
      people = new Map();
      this.rooms.set(code, people);
    }
    const entry = people.get(userId);
    if (entry) {
      clearTimeout(entry.timer);
      entry.sockets.add(socketId);
      if (entry.state === state) return false;
      this.set(entry, state);
      return true;
    }
    people.set(userId, { state, sockets: new Set([socketId]), since: Date.now() });
    return true;
  }

  setState(code: string, userId: string, state: PresenceState): void {
    const entry = this.entry(code, userId);
    if (entry && entry.state !== state) this.set(entry, state);
  }

  /**
   * A socket left the room. Returns the person's new state, or null when another of their
   * sockets is still there. `dropped` means the connection was lost rather than closed on purpose.
   */
  leave(code: string, userId: string, socketId: string, dropped: boolean): PresenceState | null {
    const entry = this.entry(code, userId);
    if (!entry || !entry.sockets.delete(socketId) || entry.sockets.size > 0) return null;
    if (!dropped) {
      this.set(entry, 'left');
      return 'left';
    }
    this.set(entry, 'reconnecting');
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (entry.sockets.size === 0) {
        this.set(entry, 'offline');
        this.onExpire(code, userId);
      }
    }, this.graceMs);
    entry.timer.unref();
    return 'reconnecting';
  }

  /** Forgets a closed room. */
  drop(code: string): void {
    for (const entry of this.rooms.get(code)?.values() ?? []) clearTimeout(entry.timer);
    this.rooms.delete(code);
  }

  private set(entry: Entry, state: PresenceState): void {
    entry.state = state;
    entry.since = Date.now();
  }
}
