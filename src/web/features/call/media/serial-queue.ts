/**
 * Runs tasks strictly one at a time, in order (incoming signals, call starts, offers): a task that
 * fails is logged and the next one runs; once `stopped()` says so, the rest are skipped.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly stopped: () => boolean,
    private readonly log: (message: string, detail?: unknown) => void,
  ) {}

  run(label: string, task: () => Promise<void>): void {
    this.tail = this.tail.then(async () => {
      if (this.stopped()) return;
      try {
        await task();
      } catch (error) {
        this.log(`${label} failed`, error);
      }
    });
  }
}
