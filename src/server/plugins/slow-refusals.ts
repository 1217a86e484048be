/**
 * Answers refused handshakes late. A client in a reconnect loop (a flooder let back in and cut off
 * again, a page with a broken retry) waits for each answer before trying again: answered at once,
 * it retries as fast as the server can refuse, and every try costs an accept, an HTTP parse and a
 * close (about 0.35 ms of the event loop: 20 sockets of five flooders made ~370 tries a second).
 * Held for `delayMs`, each of its connections tries about once per `delayMs`, for the price of a
 * timer. A refused person gains nothing by the wait they lose. At most `maxHeld` answers wait at
 * once, so many connections cannot turn the waiting into memory: past that, refusals go at once.
 */
export class SlowRefusals {
  private held = 0;

  constructor(
    private readonly delayMs: number,
    private readonly maxHeld: number,
  ) {}

  /** Runs `answer` after the delay (or at once when too many are waiting already). */
  refuse(answer: () => void): void {
    if (this.held >= this.maxHeld) return answer();
    this.held += 1;
    setTimeout(() => {
      this.held -= 1;
      answer();
    }, this.delayMs).unref();
  }

  /** How many refusals are waiting. */
  get waiting(): number {
    return this.held;
  }
}
