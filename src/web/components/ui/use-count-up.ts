import { useEffect, useRef, useState } from 'react';

const DURATION_MS = 900;

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/**
 * A number that counts up from its previous value to `target` with an ease-out curve.
 * People who ask for reduced motion see the final figure straight away.
 */
export function useCountUp(target: number): number {
  const [value, setValue] = useState(() => (prefersReducedMotion() ? target : 0));
  // The figure on screen, read when a new target arrives so the count continues from it.
  const shown = useRef(value);

  useEffect(() => {
    const from = shown.current;
    let frame = 0;
    if (from === target || prefersReducedMotion()) {
      frame = requestAnimationFrame(() => {
        shown.current = target;
        setValue(target);
      });
      return () => cancelAnimationFrame(frame);
    }
    let start: number | null = null;
    const step = (now: number) => {
      start ??= now;
      const progress = Math.min(1, (now - start) / DURATION_MS);
      const eased = 1 - Math.pow(1 - progress, 3);
      const next = Math.round(from + (target - from) * eased);
      shown.current = next;
      setValue(next);
      if (progress < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target]);

  return value;
}
