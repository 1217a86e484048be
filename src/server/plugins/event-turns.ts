/**
 * One event of a connection per turn of the event loop. A client that sends a burst (a flood, or a
 * page that had queued events while offline) arrives as one network read holding hundreds of
 * events; run back to back they hold the loop for tens of milliseconds and every other call waits.
 * Taking turns, the burst's events start one per loop iteration, with the other connections' reads
 * in between: a flooder slows itself, not the clinic. A single event runs at once, as before.
 *
 * `isOpen` is asked before each queued event: once the connection ends, what it queued is dropped.
 */
export function eventTurns(isOpen: () => boolean): (run: () => void) => void {
  const queue: (() => void)[] = [];
  let draining = false;
  const drain = (): void => {
    const run = queue.shift();
    if (!run) {
      draining = false;
      return;
    }
    if (isOpen()) run();
    else queue.length = 0;
    setImmediate(drain);
  };
  return (run) => {
    queue.push(run);
    if (draining) return;
    draining = true;
    drain();
  };
}
