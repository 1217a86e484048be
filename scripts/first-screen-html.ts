import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { FIRST_SCREENS, type FirstScreen, firstScreenFiles } from '#shared/first-screens.ts';
import { PREACT_ALIASES, PREACT_JSX, REACT_LIBRARIES } from './preact-renderer.ts';

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
export type Manifest = Record<string, ManifestChunk>;

/** The chunk and everything it imports statically, each once. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/**
 * The tags that let the browser fetch a screen's page code, its styles and (where its layout asks
 * for it) the session in parallel with the entry, instead of after the entry has run: every chunk
 * the page imports statically that the entry does not already bring, and their CSS. Vite's
 * loader finds these links already in the document and does not add them again.
 */
export function firstScreenTags(manifest: Manifest, screen: FirstScreen, modules = [screen.module], signedOut = false): string[] {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('first screens: no entry in the Vite manifest');
  for (const module of modules)
    if (!manifest[module]) throw new Error(`first screens: ${module} (${screen.name}) is not a chunk of the build; update src/shared/first-screens.ts`);
  const inEntry = closure(manifest, entryKey);
  const entryCss = new Set([...inEntry].flatMap((k) => manifest[k]!.css ?? []));
  const needed = new Set<string>();
  for (const module of modules) closure(manifest, module, needed);
  const keys = [...needed].filter((k) => !inEntry.has(k));
  const css = [...new Set(keys.flatMap((k) => manifest[k]!.css ?? []))].filter((c) => !entryCss.has(c));
  return [
    ...css.map((c) => `<link rel="stylesheet" crossorigin href="/${c}">`),
    ...keys.map((k) => `<link rel="modulepreload" crossorigin href="/${manifest[k]!.file}">`),
    // crossorigin="anonymous" gives the preload the same mode and credentials as apiFetch's
    // fetch (cors, same-origin), so the app's own request takes the preloaded answer.
    // Signed out (no session cookie), there is no session to ask for: the app knows it from the HTML.
    ...[...(screen.session && !signedOut ? ['/api/auth/me'] : []), ...(screen.fetches ?? [])].map(
      (url) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${url.replace(/&/g, '&amp;')}">`,
    ),
  ];
}

/** What a first-screen file holds beyond its tags. */
export type FirstScreenBody = {
  /** The screen as the app draws it first, for #root instead of the loader (scripts of the app replace it). */
  markup?: string;
  /** Sent only to a browser without a session cookie: the app need not ask who is signed in. */
  signedOut?: boolean;
};

/** The meta tag a signed-out first screen carries (read by src/web/app/first-screen.ts). */
export const SIGNED_OUT_META = '<meta name="medconnect-session" content="none">';

/**
 * index.html with a first screen's tags (for `modules`: its page, and what it loads signed out) at
 * the end of its head, and, where the screen has it, its pre-rendered markup in #root.
 */
export function firstScreenHtml(indexHtml: string, manifest: Manifest, screen: FirstScreen, modules = [screen.module], body: FirstScreenBody = {}): string {
  if (!indexHtml.includes('</head>')) throw new Error('first screens: index.html has no </head>');
  const tags = [...(body.signedOut ? [SIGNED_OUT_META] : []), ...firstScreenTags(manifest, screen, modules, body.signedOut)];
  let html = indexHtml.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
  if (body.markup !== undefined) {
    // #root closes right before <noscript> (src/web/index.html); its loader gives way to the screen.
    const root = /(<div id="root">)[\s\S]*?(<\/div>\s*<noscript>)/;
    if (!root.test(html)) throw new Error('first screens: index.html has no <div id="root">…</div> before <noscript>');
    html = html.replace(root, (_all, open: string, close: string) => `${open}${body.markup}${close}`);
  }
  return html;
}

/**
 * The markup of the screens a signed-out visitor opens (src/web/app/first-screen-markup.tsx),
 * rendered by the app's own components through Vite's SSR loader, by file name without .html.
 */
async function renderFirstScreens(root: string): Promise<Record<string, string>> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    // Nothing is served to a browser: no dependency pre-bundling, and no cache shared with `npm run dev`.
    optimizeDeps: { noDiscovery: true, include: [] },
    cacheDir: path.join(os.tmpdir(), 'medconnect-first-screens-vite'),
    resolve: { alias: PREACT_ALIASES },
    oxc: PREACT_JSX,
    ssr: { noExternal: REACT_LIBRARIES },
  });
  try {
    const module = (await server.ssrLoadModule('/app/first-screen-markup.tsx')) as { firstScreenMarkup: () => Record<string, string> };
    return module.firstScreenMarkup();
  } catch (error) {
    // A component that reads `window` or fetches while rendering cannot be drawn at build.
    throw new Error(`first screens: drawing src/web/app/first-screen-markup.tsx at build failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await server.close();
  }
}

/**
 * Vite plugin: writes first-screens/<name>.html (and <name>-signed-out.html where a screen has
 * one) beside index.html for each of {@link FIRST_SCREENS}, which the server sends for those URLs
 * (plugins/static-web.ts).
 */
export function firstScreenHtmlPlugin(): Plugin {
  let root = '';
  return {
    name: 'medconnect:first-screen-html',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const read = (name: string) => {
        const asset = bundle[name];
        if (asset?.type !== 'asset') throw new Error(`first screens: the build has no ${name}`);
        return typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
      };
      const manifest = JSON.parse(read('.vite/manifest.json')) as Manifest;
      const indexHtml = read('index.html');
      const markup = await renderFirstScreens(root);
      fs.mkdirSync(path.join(outDir, 'first-screens'), { recursive: true });
      for (const screen of FIRST_SCREENS) {
        for (const { file, modules, signedOut } of firstScreenFiles(screen)) {
          // Without its signed-out page the screen still works: signed out, it gets its own HTML.
          if (signedOut && !manifest[screen.signedOutModule!]) {
            this.warn(`first screens: ${screen.signedOutModule} is not a chunk of the build; ${file} not written`);
            continue;
          }
          const html = firstScreenHtml(indexHtml, manifest, screen, modules, { markup: markup[file.replace(/\.html$/, '')], signedOut });
          fs.writeFileSync(path.join(outDir, 'first-screens', file), html);
        }
      }
    },
  };
}
