import path from 'node:path';
import { build } from 'esbuild';

/**
 * How `npm start` runs the compiled server (package.json's "start" spells the same flags; a test
 * keeps them equal). A young generation of 2 MB per semi-space instead of V8's 16: the server
 * idles ~20 MB smaller and a long export's garbage is collected young, for a few more (short)
 * scavenges; lib/export-gc.ts tightens the old generation while an export runs
 * (docs/decisions/016-compiled-server.md has the measurements).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'] as const;

/**
 * `npm run build` (after Vite): the server as one ES module, dist/server/main.mjs, which
 * `npm start` runs with plain node. Packages stay in node_modules (native addons, lazy imports of
 * exceljs, sharp, nodemailer); only our own TypeScript is bundled, with types stripped as tsx
 * would. Running compiled JS instead of through tsx's loader keeps the server ~60 MB smaller.
 */
export async function buildServer(entry = 'src/server/main.ts', outfile = 'dist/server/main.mjs'): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Not loaded by default (--enable-source-maps costs ~18 MB); the code is not minified, so
    // stack traces read as they are, and the map is there for `node --enable-source-maps`.
    sourcemap: true,
    minify: false,
    logLevel: 'warning',
  });
  return path.resolve(outfile);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer();
}
