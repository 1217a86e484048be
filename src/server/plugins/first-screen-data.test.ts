import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, firstScreenHtml } from '#scripts/first-screen-html.ts';
import { precompress } from '#scripts/precompress.ts';
import { FIRST_SCREENS } from '#shared/first-screens.ts';
import { createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { dataScreenOf, scriptSafeJson } from './first-screen-data';

/*
 * The homes' HTML as the build writes it (with its API preloads), served by the real app to
 * browsers with and without a valid session.
 */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-first-data-'));
const indexHtml = `<!doctype html><html lang="pt-BR"><head><title>MedConnect</title></head><body><div id="root"></div></body></html>`;
const screen = (name: string) => FIRST_SCREENS.find((s) => s.name === name)!;
const manifest: Manifest = {
  'index.html': { file: 'assets/index-A1.js', isEntry: true },
  [screen('doctor-home').module]: { file: 'assets/doctor-B2.js', imports: ['index.html'] },
  [screen('patient-home').module]: { file: 'assets/patient-C3.js', imports: ['index.html'] },
};
const doctorHomeHtml = firstScreenHtml(indexHtml, manifest, screen('doctor-home'));
const API_PRELOAD = '<link rel="preload" as="fetch"';

let t: TestApp;
const logLines: string[] = [];
/** The API URLs the server was asked for, in its request log, from line `from` on. */
const apiRequestsLogged = (from: number) =>
  logLines
    .slice(from)
    .map((line) => JSON.parse(line) as { msg?: string; req?: { url?: string } })
    .filter((entry) => entry.msg === 'incoming request' && entry.req?.url?.startsWith('/api/'))
    .map((entry) => entry.req!.url);
let doctorCookie: string;
let patientCookie: string;
const doctorName = "Dra. </script><script>alert(1)</script> & <!-- $` $' $& $$ Ana";
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'first-screens'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(dist, 'first-screens/doctor-home.html'), doctorHomeHtml);
  fs.writeFileSync(path.join(dist, 'first-screens/patient-home.html'), firstScreenHtml(indexHtml, manifest, screen('patient-home')));
  await precompress(dist);
  const logs = new PassThrough();
  logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  t = await createTestApp({ WEB_DIST_DIR: dist, LOG_LEVEL: 'info' }, { logStream: logs });
  const doctor = await createDoctor(t.db, { name: doctorName, email: 'ana@clinica.test' });
  const patient = await createPatient(t.db, { name: 'Bia Souza', email: 'bia@clinica.test', doctors: [doctor] });
  doctorCookie = await login(t, doctor);
  patientCookie = await login(t, patient);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** The answers a page carries, read as the browser's JSON.parse reads them. */
function answersIn(html: string): Record<string, unknown> {
  const found = /<script type="application\/json" id="first-data">([\s\S]*?)<\/script>/.exec(html);
  if (!found) throw new Error('no first-data script in the page');
  return JSON.parse(found[1]!) as Record<string, unknown>;
}

const open = (url: string, cookie: string | undefined, acceptEncoding = 'gzip, deflate, br') =>
  t.request({ method: 'GET', url, cookie, headers: { 'accept-encoding': acceptEncoding } });

describe("a home's first API answers in its HTML", () => {
  it('goes to a signed-in doctor with her own answers, instead of the preloads, compressed and never stored', async () => {
    const res = await open('/medico', doctorCookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toMatch(/cookie/i);
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString();
    expect(html).not.toContain(API_PRELOAD);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/doctor-B2.js">');
    const answers = answersIn(html);
    expect(Object.keys(answers).sort()).toEqual(['/api/auth/me', ...(screen('doctor-home').fetches ?? [])].sort());
    expect(answers['/api/auth/me']).toMatchObject({ user: { email: 'ana@clinica.test', role: 'doctor' } });
    expect(answers['/api/dashboard']).toMatchObject({ role: 'doctor' });
    // Each answer is what the browser's own request gets.
    for (const [url, body] of Object.entries(answers)) {
      expect((await t.request({ method: 'GET', url, cookie: doctorCookie })).json(), url).toEqual(body);
    }
  });

  it('keeps a name with </script> and <!-- inside the JSON: one script, and the name read back whole', async () => {
    const html = (await open('/medico', doctorCookie, 'identity')).body;
    // This build's page has no other script: first-data's is the only one, and it closes once.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(answersIn(html)['/api/auth/me']).toMatchObject({ user: { name: doctorName } });
    expect(scriptSafeJson({ a: '</script>\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
  });

  it("keeps the page whole when someone's text holds replacement patterns ($`, $', $&, $$)", async () => {
    const html = (await open('/medico', doctorCookie, 'identity')).body;
    expect(html.match(/<div id="root">/g)).toHaveLength(1);
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.endsWith('</html>')).toBe(true);
  });

  it('gives a patient only what a patient may read: answers the API refuses her are left out', async () => {
    const onDoctorsUrl = answersIn(gunzipSync((await open('/medico', patientCookie, 'gzip')).rawPayload).toString());
    expect(onDoctorsUrl['/api/auth/me']).toMatchObject({ user: { email: 'bia@clinica.test', role: 'patient' } });
    expect(onDoctorsUrl).not.toHaveProperty('/api/rooms/waiting');
    expect(onDoctorsUrl).not.toHaveProperty('/api/evolutions/drafts');
    const home = answersIn((await open('/paciente', patientCookie, 'identity')).body);
    expect(home['/api/dashboard']).toMatchObject({ role: 'patient' });
    expect(JSON.stringify(home)).not.toContain('ana@clinica.test');
  });

  it("sends the build's page, with its preloads, when the session cookie is not a session", async () => {
    for (const cookie of [undefined, 'mc_session=forged', 'mc_session=', 'mc_session=%E0%A4%A; =x', `mc_session=${'a'.repeat(4000)}`]) {
      const res = await open('/medico', cookie, 'identity');
      expect(res.statusCode, String(cookie)).toBe(200);
      expect(res.headers['cache-control'], String(cookie)).toBe('no-cache');
      expect(res.body, String(cookie)).toBe(doctorHomeHtml);
    }
  });

  it('sends the build page to a person deactivated after signing in, and answers only the session to a forged cookie', async () => {
    const doctor = await createDoctor(t.db, { email: 'caio@clinica.test' });
    const cookie = await login(t, doctor);
    await t.db.updateTable('users').set({ status: 'inactive' }).where('id', '=', doctor.id).execute();
    expect((await open('/medico', cookie, 'identity')).body).toBe(doctorHomeHtml);

    const from = logLines.length;
    await open('/medico', 'mc_session=forged-forged-forged-forged-forged-forged-for', 'identity');
    await expect.poll(() => apiRequestsLogged(from).length).toBeGreaterThan(0);
    expect(apiRequestsLogged(from)).toEqual(['/api/auth/me']);
  });

  it('reads the preloads back from the HTML the build writes', () => {
    const parts = dataScreenOf(doctorHomeHtml)!;
    expect(parts.urls).toEqual(['/api/auth/me', ...(screen('doctor-home').fetches ?? [])]);
    expect(parts.html).not.toContain(API_PRELOAD);
    expect(dataScreenOf(indexHtml)).toBeUndefined();
  });
});

describe('serving HTTPS itself', () => {
  it('sends the build page unless PUBLIC_URL says the address (an injected request is never TLS: its links would say http://)', async () => {
    for (const [env, embedded] of [
      [{ HTTPS: '1' }, false],
      [{ HTTPS: '1', PUBLIC_URL: 'https://clinica.example' }, true],
    ] as const) {
      const app = await createTestApp({ WEB_DIST_DIR: dist, ...env });
      try {
        const cookie = await login(app, await createDoctor(app.db));
        const html = (await app.request({ method: 'GET', url: '/medico', cookie })).body;
        expect(html.includes('id="first-data"'), JSON.stringify(env)).toBe(embedded);
        expect(html.includes(API_PRELOAD), JSON.stringify(env)).toBe(!embedded);
      } finally {
        await app.close();
      }
    }
  });
});
