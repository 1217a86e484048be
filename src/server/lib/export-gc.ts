import v8 from 'node:v8';

/**
 * A long export (a million-row .xlsx) makes garbage far faster than it holds data: rows, cells,
 * XML strings and the buffers deflate and the socket have finished with. Left to itself V8 lets
 * its old generation grow far past what is alive before collecting it, and the process grows by
 * 100+ MB. While at least one export runs, the old generation may grow only
 * {@link EXPORT_HEAP_GROWING_PERCENT} % past what survived the last full collection (a V8 flag that
 * takes effect at run time); when the last export ends, V8's own heuristics come back, so calls
 * and pages never pay for the extra collections. ADR 016 has the figures.
 */
export const EXPORT_HEAP_GROWING_PERCENT = 10;

let running = 0;

/** Call when an export starts; call the returned function once when it ends, however it ends. */
export function holdExportMemory(setFlags: (flags: string) => void = v8.setFlagsFromString): () => void {
  running += 1;
  if (running === 1) setFlags(`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running -= 1;
    // 0 is V8's "not set": its own growing factor again.
    if (running === 0) setFlags('--heap-growing-percent=0');
  };
}
