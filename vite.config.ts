import { type Plugin, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './scripts/precompress.ts';

/**
 * The Latin subset of Inter (every letter Portuguese uses) is preloaded: without it the browser
 * finds the font only after the CSS has arrived and been parsed, and the text is drawn twice.
 */
function preloadFirstScreenFont(): Plugin {
  return {
    name: 'medconnect:preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const font = Object.keys(ctx.bundle ?? {}).find((f) => /\/inter-latin-wght-normal-[\w-]+\.woff2$/.test(f));
        if (!font) throw new Error('the Latin Inter font is not in the build: update preloadFirstScreenFont');
        return [{ tag: 'link', attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' }];
      },
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the server serves. */
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [react(), preloadFirstScreenFont(), precompressPlugin()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3001',
      '/healthz': 'http://127.0.0.1:3001',
      '/socket.io': { target: 'http://127.0.0.1:3001', ws: true },
    },
  },
});
