import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import { DESKTOP, PHONE, launchChromium } from '../tests/helpers/browser';
import { signedInCallPage } from '../tests/helpers/call-pages';
import { createDoctor, createPatient } from '../tests/helpers/factories';

/**
 * `npm run bench:call-setup`: N real calls through the real call page between two Chromium
 * contexts with fake devices, on loopback. For each call, the time from the moment both are in
 * the room (the doctor lets the waiting patient in) to the first remote video frame painted on
 * BOTH sides, and the size of the remote video each side receives: its first frame, and 3 s after
 * it (the call starts small and steps up to 720p, ADR 005). Last line: {"calls":N,"median_ms":…,
 * "p95_ms":…,"first_frame":{"WxH":count},"after_3s":{"WxH":count}} (counts over both sides).
 *
 * Options: --calls=N (default 20); --no-build (use dist/web as it is); WEB_DIST_DIR=dir (serve that
 * build, e.g. a private `npx vite build --outDir /tmp/x --emptyOutDir`, and build nothing).
 */
const CALLS = Number(process.argv.find((a) => a.startsWith('--calls='))?.split('=')[1] ?? 20);
const WEB_DIST_DIR = process.env.WEB_DIST_DIR;
/** How long after its first remote frame each side reads the video's size again. */
const SETTLE_MS = 3000;

/**
 * Arms window.__firstFrame: when the remote video paints its first frame, the time and that
 * frame's size (requestVideoFrameCallback's metadata). A string: tsx would otherwise wrap the
 * inner function with a helper the page lacks.
 */
const ARM_FIRST_FRAME = `window.__firstFrame = new Promise((resolve) => {
  const check = () => {
    const video = document.querySelector('video[data-testid="remote-video"]');
    if (video && video.srcObject && 'requestVideoFrameCallback' in video) video.requestVideoFrameCallback((now, m) => resolve({ at: Date.now(), size: m.width + 'x' + m.height }));
    else setTimeout(check, 5);
  };
  check();
}); undefined`;

type FirstFrame = { at: number; size: string };

function firstFrame(page: Page): Promise<FirstFrame> {
  return page.evaluate('window.__firstFrame') as Promise<FirstFrame>;
}

/** The remote video's size once SETTLE_MS have passed since its first frame. */
async function sizeAfter(page: Page, first: FirstFrame): Promise<string> {
  await page.waitForTimeout(Math.max(0, first.at + SETTLE_MS - Date.now()));
  return page.evaluate(
    `(() => { const v = document.querySelector('video[data-testid="remote-video"]'); return v.videoWidth + 'x' + v.videoHeight; })()`,
  ) as Promise<string>;
}

type CallResult = { ms: number; first: string[]; settled: string[] };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function oneCall(doctor: Page, patient: Page, base: string, patientId: string): Promise<CallResult> {
  const res = await doctor.context().request.post('/api/rooms', { data: { patientId }, headers: { origin: base } });
  const { code } = (await res.json()) as { code: string };
  await patient.goto(`/sala/${code}`);
  await patient.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
  await patient
    .getByText(/Aguardando/)
    .first()
    .waitFor();
  await doctor.goto(`/sala/${code}`);
  await doctor.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
  const admit = doctor.getByRole('button', { name: 'Deixar entrar' });
  await admit.waitFor();
  await doctor.evaluate(ARM_FIRST_FRAME);
  await patient.evaluate(ARM_FIRST_FRAME);
  // The clock starts in the page when the doctor's click lands, not when Playwright starts clicking.
  await doctor.evaluate(`document.addEventListener('click', () => { window.__admittedAt = Date.now(); }, { capture: true, once: true }); undefined`);
  await admit.click();
  const [a, b] = await Promise.all([firstFrame(doctor), firstFrame(patient)]);
  const t0 = Number(await doctor.evaluate('window.__admittedAt'));
  const settled = await Promise.all([sizeAfter(doctor, a), sizeAfter(patient, b)]);
  await doctor.context().request.post(`/api/rooms/${code}/finalize`, { headers: { origin: base } });
  return { ms: Math.max(a.at, b.at) - t0, first: [a.size, b.size], settled };
}

async function main(): Promise<void> {
  if (!WEB_DIST_DIR && !process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-bench-call-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, ...(WEB_DIST_DIR ? { WEB_DIST_DIR } : {}) });
  const db = createDb(config.database);
  await migrateToLatest(db);
  const app = await buildApp(config, { db, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // One browser per person, as in real life: two contexts of one Chromium share its fake camera,
  // and a page opening it while the other uses it stalls both cameras for ~2 s (seen in traces:
  // media-source frames stop on both sides), which measured the fake device, not the call.
  let browser: Browser | undefined;
  let patientBrowser: Browser | undefined;
  try {
    const d = await createDoctor(db, { name: 'Helena Duarte' });
    const p = await createPatient(db, { name: 'Maria Souza', doctors: [d] });
    browser = await launchChromium();
    const doctor = await signedInCallPage(browser, base, d.email, DESKTOP);
    patientBrowser = await launchChromium();
    const patient = await signedInCallPage(patientBrowser, base, p.email, PHONE);
    await patient.context.request.post('/api/consent', { data: { version: TCLE_VERSION }, headers: { origin: base } });
    await oneCall(doctor.page, patient.page, base, p.id); // warm-up: first page loads, codecs, JIT
    const times: number[] = [];
    const first: Record<string, number> = {};
    const settled: Record<string, number> = {};
    const count = (into: Record<string, number>, sizes: string[]) => sizes.forEach((s) => (into[s] = (into[s] ?? 0) + 1));
    for (let i = 0; i < CALLS; i++) {
      const call = await oneCall(doctor.page, patient.page, base, p.id);
      times.push(call.ms);
      count(first, call.first);
      count(settled, call.settled);
      console.error(`call ${i + 1}/${CALLS}: ${call.ms} ms, first frames ${call.first.join(' ')}, after 3 s ${call.settled.join(' ')}`);
    }
    const sorted = [...times].sort((x, y) => x - y);
    console.info(
      JSON.stringify({
        calls: CALLS,
        median_ms: percentile(sorted, 50),
        p95_ms: percentile(sorted, 95),
        min_ms: sorted[0],
        max_ms: sorted[sorted.length - 1],
        first_frame: first,
        after_3s: settled,
      }),
    );
  } finally {
    await browser?.close();
    await patientBrowser?.close();
    await app.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
