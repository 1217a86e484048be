/**
 * Intl formatters built on first use instead of when their module loads.
 *
 * The first Intl object a page builds loads ICU's data for the locale (and, for a time zone, the
 * zone's rules): ~20 ms on a desktop, four times that on the phone Lighthouse simulates. Built at
 * the top of a module, that cost lands in the evaluation of whichever chunk comes first, one long
 * task with the rest of the chunk. Built lazily, it lands where the browser warms ICU up in tasks
 * of its own while the page waits for the network (web/lib/warm-up-intl.ts), or at first use.
 */
export function lazyIntl<T extends object>(make: () => T): T {
  let instance: T | undefined;
  // Methods bound once, not on every call: formatBRL runs per row in the closing's spreadsheet.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy({} as T, {
    get(_target, key) {
      instance ??= make();
      if (bound.has(key)) return bound.get(key);
      const value: unknown = Reflect.get(instance, key);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(instance);
      bound.set(key, method);
      return method;
    },
  });
}
