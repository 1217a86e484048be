import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
let doctorCookie: string;
let patientCookie: string;
const doctorName = 'Dra. </script><script>alert(1)</script> & <!-- Ana';
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'first-screens'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(dist, 'first-screens/doctor-home.html'), doctorHomeHtml);
  fs.writeFileSync(path.join(dist, 'first-screens/patient-home.html'), firstScreenHtml(indexHtml, manifest, screen('patient-home')));
  await precompress(dist);
  t = await createTestApp({ WEB_DIST_DIR: dist });
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
    for (const cookie of [undefined, 'mc_session=forged', 'mc_session=']) {
      const res = await open('/medico', cookie, 'identity');
      expect(res.statusCode, String(cookie)).toBe(200);
      expect(res.headers['cache-control'], String(cookie)).toBe('no-cache');
      expect(res.body, String(cookie)).toBe(doctorHomeHtml);
    }
  });

  it('reads the preloads back from the HTML the build writes', () => {
    const parts = dataScreenOf(doctorHomeHtml)!;
    expect(parts.urls).toEqual(['/api/auth/me', ...(screen('doctor-home').fetches ?? [])]);
    expect(parts.html).not.toContain(API_PRELOAD);
    expect(dataScreenOf(indexHtml)).toBeUndefined();
  });
});
