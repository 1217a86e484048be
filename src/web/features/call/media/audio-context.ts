let context: AudioContext | null = null;
let listening = false;

function resume(): void {
  if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
}

/**
 * One AudioContext for the page (browsers limit how many exist). Browsers start it suspended
 * until the person interacts with the page, so it resumes on the first click or key press.
 */
export function sharedAudioContext(): AudioContext | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  context ??= new AudioContext();
  resume();
  if (!listening) {
    listening = true;
    for (const type of ['pointerdown', 'keydown', 'touchend'] as const) window.addEventListener(type, resume, { capture: true, passive: true });
  }
  return context;
}
