/**
 * Fixed-window budgets per person (not per connection): opening more sockets buys no more events.
 * Kept in this node's memory; `prune()` forgets windows that are over.
 */
export class PersonRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly budget: number,
    private readonly windowMs: number,
    /** Keys may come from clients (a token's hash): past this many, finished windows go at once. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Spends `cost` from the person's budget; false when it would go over. */
  take(personId: string, cost = 1, now = Date.now()): boolean {
    let w = this.windows.get(personId);
    if (!w && this.windows.size >= this.maxKeys) this.prune(now);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(personId, w);
    }
    if (w.used + cost > this.budget) return false;
    w.used += cost;
    return true;
  }

  /** How many people (keys) it holds. */
  get size(): number {
    return this.windows.size;
  }

  prune(now = Date.now()): void {
    for (const [id, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(id);
  }
}
