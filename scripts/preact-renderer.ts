import type { Alias } from 'vite';

/**
 * The app is written against React's API and runs on Preact through preact/compat
 * (docs/decisions/026-less-before-the-first-screen.md): react-dom alone was half of the entry a
 * phone downloads and evaluates before the first screen. Every tool that turns src/web into
 * something that runs uses these: the build (vite.config.ts), the first screens drawn at build
 * (first-screen-html.ts) and the web unit tests (vitest.config.ts). TypeScript still checks the
 * code against React's types.
 */
export const PREACT_ALIASES: Alias[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/server$/, replacement: 'preact/compat/server' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/** JSX compiles to Preact's automatic runtime. */
export const PREACT_JSX = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

/**
 * Packages that import `react` themselves: under Vite's SSR loader (first screens at build) they
 * are bundled instead of left to Node, so the aliases reach them and the page has one renderer.
 */
export const REACT_LIBRARIES = ['react-router', '@tanstack/react-query', 'lucide-react'];
