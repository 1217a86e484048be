const debug = (() => {
  try {
    return localStorage.getItem('mc-debug-call') === '1';
  } catch {
    return false;
  }
})();

/** The call's own log, on the console only when localStorage `mc-debug-call` is '1'. */
export function callLog(message: string, detail?: unknown): void {
  if (debug) console.info(`[call] ${message}`, detail ?? '');
}
