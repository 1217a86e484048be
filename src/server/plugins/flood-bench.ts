/**
 * Who flooded lately and how long they stay out. A socket that blows its person's event budget is
 * cut off and its session is refused at the door for `baseMs`; each repeat within `memoryMs` of
 * the last doubles that, up to `maxMs`. A browser never floods (a call sends a few events a
 * second), so only a misbehaving client meets this, and one that reconnects and floods again in a
 * loop would otherwise get a full budget's burst through every `baseMs`: each burst is tens of
 * milliseconds of server work, felt as a latency spike by every other call on the node.
 * Keyed by the session token's hash, so the door check needs no database. In this node's memory.
 */
export class FloodBench {
  private readonly entries = new Map<string, { until: number; strikes: number; lastAt: number }>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly memoryMs: number,
  ) {}

  /**
   * Records a flood by `key` and returns how long it is now refused. A strike while already
   * refused adds nothing: the person's other sockets tripping over the same burst are one flood.
   */
  strike(key: string, now = Date.now()): number {
    const prev = this.entries.get(key);
    if (prev && prev.until > now) return prev.until - now;
    const strikes = prev && now - prev.lastAt <= this.memoryMs ? prev.strikes + 1 : 1;
    const ms = Math.min(this.maxMs, this.baseMs * 2 ** (strikes - 1));
    this.entries.set(key, { until: now + ms, strikes, lastAt: now });
    return ms;
  }

  /** True while `key` is refused. */
  isBenched(key: string, now = Date.now()): boolean {
    return (this.entries.get(key)?.until ?? 0) > now;
  }

  /** Forgets keys whose last flood is older than the memory. */
  prune(now = Date.now()): void {
    for (const [key, e] of this.entries) if (e.until <= now && now - e.lastAt > this.memoryMs) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
