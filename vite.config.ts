import { type Plugin, defineConfig } from 'vite';
import { firstScreenHtmlPlugin } from './scripts/first-screen-html.ts';
import { PREACT_ALIASES, PREACT_JSX } from './scripts/preact-renderer.ts';
import { precompressPlugin } from './scripts/precompress.ts';

/**
 * Inter as the app needs it for Portuguese (styles/fonts.css) is preloaded: without it the browser
 * finds the font only after the CSS has arrived and been parsed, and the text is drawn twice.
 */
function preloadFirstScreenFont(): Plugin {
  return {
    name: 'medconnect:preload-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const font = Object.keys(ctx.bundle ?? {}).find((f) => /\/inter-pt-[\w-]+\.woff2$/.test(f));
        if (!font) throw new Error('the Inter subset (styles/fonts/inter-pt.woff2) is not in the build: update preloadFirstScreenFont');
        return [{ tag: 'link', attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' }];
      },
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the server serves. */
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [preloadFirstScreenFont(), firstScreenHtmlPlugin(), precompressPlugin()],
  resolve: { alias: PREACT_ALIASES },
  oxc: PREACT_JSX,
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // Both options below need it; the app's entry exports nothing anyone imports.
      preserveEntrySignatures: false,
      output: {
        // Fewer requests before the first screen (docs/decisions/014-first-load-on-a-phone.md): the
        // entry's own code is one chunk instead of six, and the small pieces pages share (icons,
        // form fields, formatters), split by default into ~100 chunks of 1–2 KB, are copied into
        // each page that uses them. A phone on HTTP/1.1 fetches six files at a time, one round
        // trip each: the doctor's home went from 52 JavaScript files to 5, for fewer bytes.
        codeSplitting: {
          groups: [{ name: 'app', tags: ['$initial'] }],
          experimentalInlineCommonChunks: { maxSize: 20 * 1024 },
        },
      },
    },
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
