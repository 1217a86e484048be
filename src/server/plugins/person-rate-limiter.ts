/**
 * Token buckets per person (not per connection): opening more sockets buys no more events. Each
 * bucket holds up to `budget` tokens and refills at `budget` per `windowMs`, continuously: a
 * fixed window would hand every flooder a full budget at the same instant and the server would
 * feel it as one burst. Kept in this node's memory; `prune()` forgets full buckets.
 */
export class PersonRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly budget: number,
    windowMs: number,
    /** Keys may come from clients (a token's hash): past this many, full buckets go at once. */
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = budget / windowMs;
  }

  private level(b: { tokens: number; at: number }, now: number): number {
    // A clock stepped back (NTP, a resumed VM) refills nothing rather than draining everyone.
    return Math.min(this.budget, b.tokens + Math.max(0, now - b.at) * this.perMs);
  }

  /** Spends `cost` from the person's bucket; false (spending nothing) when there is not enough. */
  take(personId: string, cost = 1, now = Date.now()): boolean {
    let b = this.buckets.get(personId);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      b = { tokens: this.budget, at: now };
      this.buckets.set(personId, b);
    }
    const tokens = this.level(b, now);
    b.at = now;
    b.tokens = tokens;
    if (tokens < cost) return false;
    b.tokens = tokens - cost;
    return true;
  }

  /** How many people (keys) it holds. */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets buckets that have refilled: a new one starts full anyway. */
  prune(now = Date.now()): void {
    for (const [id, b] of this.buckets) if (this.level(b, now) >= this.budget) this.buckets.delete(id);
  }
}
