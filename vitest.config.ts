import { defineConfig } from 'vitest/config';
import { PREACT_ALIASES, PREACT_JSX, REACT_LIBRARIES } from './scripts/preact-renderer.ts';

/**
 * Three projects: pure unit tests, server integration tests (app.inject and real sockets,
 * on SQLite or on PostgreSQL when TEST_DATABASE_URL is set) and browser tests driving Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // The web app's code runs on Preact in the browser (scripts/preact-renderer.ts); so it does here.
        resolve: { alias: PREACT_ALIASES },
        // 'module' first: lucide-react's 'node' entry is CommonJS, whose require('react') no alias reaches.
        ssr: { resolve: { conditions: ['module', 'node', 'development|production'] } },
        oxc: PREACT_JSX,
        test: {
          name: 'unit',
          include: ['src/shared/**/*.test.ts', 'src/web/**/*.test.ts', 'scripts/**/*.test.ts'],
          server: { deps: { inline: REACT_LIBRARIES } },
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          globalSetup: ['tests/setup/server-global.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          globalSetup: ['tests/setup/server-global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
