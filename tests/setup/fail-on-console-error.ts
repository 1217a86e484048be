import { afterEach, vi } from 'vitest';

// A test that makes the code log an error has found a bug, even if its assertions pass.
const errors: unknown[][] = [];
const original = console.error;
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  errors.push(args);
  original(...args);
});

afterEach(() => {
  if (errors.length > 0) {
    const logged = errors
      .splice(0)
      .map((a) => a.map(String).join(' '))
      .join('\n');
    throw new Error(`console.error was called during the test:\n${logged}`);
  }
});
