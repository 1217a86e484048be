import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { FIRST_SCREENS, firstScreenFiles, firstScreenOf } from '#shared/first-screens.ts';
import { type DataScreen, dataScreenOf, htmlWithFirstData, sendPersonalHtml } from './first-screen-data';
import { SESSION_COOKIE } from './session';

/** Files Vite names by their content hash: a new build gives new names, so they never change. */
const HASHED_DIR = `${path.sep}assets${path.sep}`;

/**
 * Serves the built web app. The build writes a brotli (.br) and a gzip (.gz) copy beside each
 * text file (scripts/precompress.ts), and @fastify/static sends the one the browser accepts
 * (`preCompressed`), with `Vary: accept-encoding`: no compression work per request. Hashed assets
 * are cached for a year as immutable; index.html and the other files are revalidated each time
 * (no-cache, answered 304 by ETag), so a new build reaches every browser on its next load. Any
 * other GET that is not an API call gets index.html so the client router can take it (for the
 * pages people open cold, the build's copy of it that already asks for that page's code:
 * shared/first-screens.ts), except a missing /assets/ file (a chunk of an older build), which is
 * a 404 instead of a page of HTML. To a browser with a session, a first screen that preloads API
 * answers goes with those answers written in it (first-screen-data.ts).
 */
export async function registerStaticWeb(app: FastifyInstance): Promise<void> {
  const root = app.config.webDistDir;
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`Web app not built (${indexFile} missing): run "npm run build". Only the API is served.`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders(res, filePath) {
      res.header('Cache-Control', filePath.includes(HASHED_DIR) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Builds older than the first screens' HTML have none: those URLs get index.html.
  const built = new Set(
    FIRST_SCREENS.flatMap(firstScreenFiles)
      .map((f) => f.file)
      .filter((file) => fs.existsSync(path.join(root, 'first-screens', file))),
  );
  // The screens that preload API answers: to a browser with a session, they go with those answers in them.
  const withData = new Map<string, DataScreen>();
  for (const file of built) {
    const screen = dataScreenOf(fs.readFileSync(path.join(root, 'first-screens', file), 'utf8'));
    if (screen) withData.set(file, screen);
  }
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url.startsWith('/socket.io') || url === '/healthz' || url === '/readyz') return;
    // Real files (assets, fonts, favicon) are served by @fastify/static; everything else is a client route.
    const file = path.join(root, decodeURIComponent(url));
    if (file.startsWith(root + path.sep) && url !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(url.slice(1));
    if (url.startsWith('/assets/')) return reply.callNotFound();
    const screen = firstScreenOf(url);
    if (screen) {
      // No session cookie: the screen's layout will show what it shows signed out (the room link's landing).
      const signedOut = screen.signedOutModule && !request.cookies[SESSION_COOKIE] ? `${screen.name}-signed-out.html` : undefined;
      const file = signedOut && built.has(signedOut) ? signedOut : `${screen.name}.html`;
      const dataScreen = withData.get(file);
      if (dataScreen && request.method === 'GET' && request.cookies[SESSION_COOKIE]) {
        // Without its answers the page still works (it asks for them itself): a failure here is logged, not shown.
        const html = await htmlWithFirstData(app, request, dataScreen).catch((err: unknown) => {
          request.log.error({ err }, 'first screen answers failed; sending the page without them');
          return undefined;
        });
        if (html) return sendPersonalHtml(request, reply, html);
      }
      if (built.has(file)) return reply.sendFile(`first-screens/${file}`);
    }
    return reply.sendFile('index.html');
  });
}
