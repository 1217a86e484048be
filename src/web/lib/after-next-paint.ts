/**
 * Resolves once the browser has painted what the page already holds (the screen drawn in the
 * HTML): the next frame, then a task after it. The app starts its own work there, so the first
 * paint is not held behind it and the page's first requests go out after that paint (ADR 026,
 * "Paint first"). No timer stands in for the frame: a visible page before its first frame is
 * still waiting for its styles, and starting then is exactly what this avoids. A hidden page
 * paints no frames, so there (or once the page is hidden while waiting) it resolves at once.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return void setTimeout(resolve, 0);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      document.removeEventListener('visibilitychange', finish);
      resolve();
    };
    document.addEventListener('visibilitychange', finish);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
