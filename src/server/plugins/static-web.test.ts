import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, firstScreenHtml } from '#scripts/first-screen-html.ts';
import { precompress } from '#scripts/precompress.ts';
import { FIRST_SCREENS, firstScreenFiles } from '#shared/first-screens.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

/*
 * The web app as the build leaves it (a hashed chunk, index.html, a small file and a font),
 * compressed by the same function the Vite build runs, served by the real app.
 */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-static-web-'));
const chunk = `export const words = [${Array.from({ length: 400 }, (_, i) => `"consulta ${i}"`).join(',')}];\n`;
const indexHtml = `<!doctype html><html lang="pt-BR"><head><title>MedConnect</title>${'<link rel="modulepreload" href="/assets/x.js">'.repeat(30)}</head><body><div id="root"></div></body></html>`;
const font = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));

/** A build's manifest as Vite writes it: the entry, the login page and what they import. */
const manifest: Manifest = {
  'index.html': { file: 'assets/index-A1.js', isEntry: true, imports: ['_react-B2.js'], css: ['assets/index-C3.css'] },
  '_react-B2.js': { file: 'assets/react-B2.js' },
  'features/auth/components/login-page.tsx': {
    file: 'assets/login-page-D4.js',
    imports: ['index.html', '_react-B2.js', '_form-E5.js'],
    css: ['assets/login-page-F6.css'],
  },
  '_form-E5.js': { file: 'assets/form-E5.js', css: ['assets/form-G7.css', 'assets/index-C3.css'] },
};
const login = FIRST_SCREENS.find((s) => s.name === 'login')!;

let t: TestApp;
let written: Awaited<ReturnType<typeof precompress>>;
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(dist, 'assets/page-Ab12Cd34.js'), chunk);
  fs.writeFileSync(path.join(dist, 'assets/tiny-Zz99Yy88.js'), 'export {};\n');
  fs.writeFileSync(path.join(dist, 'assets/inter-latin-wght-normal-Dx4kXJAl.woff2'), font);
  fs.mkdirSync(path.join(dist, 'first-screens'));
  fs.writeFileSync(path.join(dist, 'first-screens/login.html'), firstScreenHtml(indexHtml, manifest, login));
  fs.writeFileSync(path.join(dist, 'first-screens/room.html'), '<!doctype html><title>room, signed in</title>');
  fs.writeFileSync(path.join(dist, 'first-screens/room-signed-out.html'), '<!doctype html><title>room, signed out</title>');
  written = await precompress(dist);
  t = await createTestApp({ WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.request({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('the build writes brotli and gzip copies of text files', () => {
  it('beside each text file worth it, smaller than the original, and not beside fonts or tiny files', () => {
    expect(fs.readdirSync(path.join(dist, 'assets')).sort()).toEqual([
      'inter-latin-wght-normal-Dx4kXJAl.woff2',
      'page-Ab12Cd34.js',
      'page-Ab12Cd34.js.br',
      'page-Ab12Cd34.js.gz',
      'tiny-Zz99Yy88.js',
    ]);
    expect(brotliDecompressSync(fs.readFileSync(path.join(dist, 'assets/page-Ab12Cd34.js.br'))).toString()).toBe(chunk);
    expect(gunzipSync(fs.readFileSync(path.join(dist, 'assets/page-Ab12Cd34.js.gz'))).toString()).toBe(chunk);
    const page = written.find((w) => w.file === path.join('assets', 'page-Ab12Cd34.js'))!;
    expect(page.br).toBeLessThan(page.gz!);
    expect(page.gz).toBeLessThan(page.bytes / 3);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
  });
});

describe("a first screen's HTML", () => {
  it("asks for the page's own chunks and styles, not the entry's, and for the session only where the layout reads it", () => {
    const html = firstScreenHtml(indexHtml, manifest, login);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/login-page-D4.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/form-E5.js">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/login-page-F6.css">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/form-G7.css">');
    expect(html).not.toContain('react-B2.js');
    expect(html).not.toContain('index-C3.css');
    expect(html).not.toContain('/api/auth/me');
    expect(html.indexOf('login-page-D4.js')).toBeLessThan(html.indexOf('</head>'));
    const doctorHome = FIRST_SCREENS.find((s) => s.name === 'doctor-home')!;
    const withDoctorPage = { ...manifest, [doctorHome.module]: { file: 'assets/doctor-H8.js', imports: ['index.html'] } };
    const doctorHtml = firstScreenHtml(indexHtml, withDoctorPage, doctorHome);
    expect(doctorHtml).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/auth/me">');
    // The page's own first requests go with the HTML too, as the page writes them.
    expect(doctorHtml).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/rooms?status=open">');
    expect(doctorHtml).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/dashboard">');
  });

  it("asks for the room's landing page instead of the call in the signed-out copy", () => {
    const room = FIRST_SCREENS.find((s) => s.name === 'room')!;
    const [own, signedOut] = firstScreenFiles(room);
    expect(own).toEqual({ file: 'room.html', modules: [room.module], signedOut: false });
    expect(signedOut).toEqual({ file: 'room-signed-out.html', modules: [room.signedOutModule], signedOut: true });
    const withRoom = {
      ...manifest,
      [room.module]: { file: 'assets/call-I9.js', imports: ['index.html'] },
      [room.signedOutModule!]: { file: 'assets/landing-J1.js', imports: ['_form-E5.js'] },
    };
    const html = firstScreenHtml(indexHtml, withRoom, room, signedOut!.modules, { signedOut: true });
    for (const file of ['landing-J1.js', 'form-E5.js', 'form-G7.css']) expect(html).toContain(`/assets/${file}`);
    expect(html).not.toContain('call-I9.js');
    // The app reads it instead of asking the server who is signed in.
    expect(html).toContain('<meta name="medconnect-session" content="none">');
    expect(html).not.toContain('/api/auth/me');
    const signedIn = firstScreenHtml(indexHtml, withRoom, room);
    expect(signedIn).not.toContain('landing-J1.js');
    expect(signedIn).not.toContain('medconnect-session');
    expect(signedIn).toContain('href="/api/auth/me"');
  });

  it("puts a screen's pre-rendered markup in #root instead of the loader", () => {
    const page =
      '<!doctype html><html><head><title>t</title></head><body><div id="root"><div class="page-loader"><span>Carregando…</span></div></div>\n    <noscript>x</noscript><script src="/a.js"></script></body></html>';
    const html = firstScreenHtml(page, manifest, login, [login.module], { markup: '<div class="auth"><p class="auth-brand-text">Olá</p></div>' });
    expect(html).toContain('<div id="root"><div class="auth"><p class="auth-brand-text">Olá</p></div></div>\n    <noscript>x</noscript>');
    expect(html).not.toContain('page-loader');
    expect(() => firstScreenHtml('<html><head></head><body></body></html>', manifest, login, [login.module], { markup: '<p>x</p>' })).toThrow(
      /no <div id="root">/,
    );
  });

  it('fails the build when a listed page is no longer a chunk', () => {
    expect(() =>
      firstScreenHtml(
        indexHtml,
        manifest,
        FIRST_SCREENS.find((s) => s.name === 'patient-home')!,
      ),
    ).toThrow(/patient-dashboard-page\.tsx .*not a chunk/);
  });
});

describe('static web serving', () => {
  it('sends a JS asset as brotli when the browser accepts it, cached as immutable', async () => {
    const res = await get('/assets/page-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(chunk);
  });

  it('sends gzip to a browser that accepts gzip but not brotli', async () => {
    const res = await get('/assets/page-Ab12Cd34.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).toString()).toBe(chunk);
  });

  it('sends the file as it is when neither is accepted (or brotli is refused with q=0)', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, deflate']) {
      const res = await get('/assets/page-Ab12Cd34.js', accept);
      expect(res.statusCode, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.body).toBe(chunk);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends files that have no compressed copy (fonts, tiny chunks) as they are, still immutable', async () => {
    const res = await get('/assets/inter-latin-wght-normal-Dx4kXJAl.woff2', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(font)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/tiny-Zz99Yy88.js', 'br')).body).toBe('export {};\n');
  });

  it('answers client routes with index.html, compressed, never cached without revalidation', async () => {
    for (const url of ['/', '/medico', '/medico/pacientes', '/sala/abc/outra']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(indexHtml);
    }
    const plain = await get('/medico');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(indexHtml);
  });

  it('revalidates index.html by its ETag (304, no body)', async () => {
    const first = await get('/entrar', 'br');
    expect(first.headers.etag).toBeTruthy();
    const again = await t.request({ method: 'GET', url: '/entrar', headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it("answers a first screen's URL with its own copy of index.html, and other routes with index.html", async () => {
    const res = await get('/entrar', 'br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(firstScreenHtml(indexHtml, manifest, login));
    // The doctor's home has no file in this build: index.html, as before first screens existed.
    expect((await get('/medico')).body).toBe(indexHtml);
    expect((await get('/entrar/outra-coisa')).body).toBe(indexHtml);
  });

  it('answers the room link with its signed-out copy to a browser without a session cookie', async () => {
    expect((await get('/sala/abc123')).body).toBe('<!doctype html><title>room, signed out</title>');
    const signedIn = await t.request({ method: 'GET', url: '/sala/abc123', cookie: 'mc_session=whatever' });
    expect(signedIn.body).toBe('<!doctype html><title>room, signed in</title>');
  });

  it('answers a missing asset (a chunk of an older build) with 404, not a page of HTML', async () => {
    const res = await get('/assets/page-Old00000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/text\/html/);
  });
});

describe('addresses that are not files of the build', () => {
  it('answers a malformed percent-escape with a 400 in the error shape, not a server error', async () => {
    for (const url of ['/%zz', '/assets/%E0%A4%A', '/medico/%']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      const { error } = res.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('bad_request');
      expect(error.message).not.toMatch(/URIError|decodeURIComponent|FST_/);
    }
  });

  it('never reaches outside the build folder, even into a sibling whose name starts the same', async () => {
    const sibling = `${dist}-secret`;
    fs.mkdirSync(sibling, { recursive: true });
    fs.writeFileSync(path.join(sibling, 'secret.txt'), 'segredo');
    try {
      for (const url of [`/../${path.basename(sibling)}/secret.txt`, `/..%2F${path.basename(sibling)}%2Fsecret.txt`]) {
        const res = await get(url);
        expect(res.body, url).not.toContain('segredo');
      }
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true });
    }
  });
});
