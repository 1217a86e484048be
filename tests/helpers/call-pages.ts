import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import { newContext, watchErrors } from './browser';
import { PASSWORD } from './factories';

/**
 * Records every RTCPeerConnection a page creates, so tests can read getStats() from outside the
 * app without the app exposing anything.
 */
const RECORD_PEER_CONNECTIONS = `(() => {
  const Original = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
})();`;

export type CallPage = { page: Page; context: BrowserContext; errors: string[] };

/** A signed-in page with camera and microphone allowed (Chromium's fake devices). */
export async function signedInCallPage(browser: Browser, baseUrl: string, email: string, viewport: { width: number; height: number }): Promise<CallPage> {
  const context = await newContext(browser, baseUrl, viewport);
  await context.grantPermissions(['camera', 'microphone', 'clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await context.addInitScript(RECORD_PEER_CONNECTIONS);
  const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: baseUrl } });
  expect(res.status(), await res.text()).toBe(200);
  const page = await context.newPage();
  return { page, context, errors: watchErrors(page) };
}

/** Video frames decoded so far by the page's live peer connections (getStats framesDecoded). */
export async function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== 'closed');
    let frames = 0;
    for (const pc of pcs) {
      for (const s of (await pc.getStats()).values() as IterableIterator<Record<string, unknown>>) {
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += Number(s.framesDecoded ?? 0);
      }
    }
    return frames;
  });
}

/** Waits until decoded frames grow by at least `by` from now. */
export async function expectFramesGrowing(page: Page, label: string, by = 10, timeout = 20_000): Promise<void> {
  const start = await framesDecoded(page);
  await expect.poll(() => framesDecoded(page), { timeout, message: `${label}: video frames should keep arriving` }).toBeGreaterThan(start + by);
}

/**
 * Arms a promise that resolves with Date.now() when the remote video first paints a frame.
 * Passed as a string: tsx would otherwise wrap the named inner function with a helper the page lacks.
 */
const ARM_FIRST_FRAME = `window.__firstFrameAt = new Promise((resolve) => {
  const check = () => {
    const video = document.querySelector('video[data-testid="remote-video"]');
    if (video && video.srcObject && 'requestVideoFrameCallback' in video) video.requestVideoFrameCallback(() => resolve(Date.now()));
    else setTimeout(check, 5);
  };
  check();
}); undefined`;

export async function armFirstRemoteFrame(page: Page): Promise<void> {
  await page.evaluate(ARM_FIRST_FRAME);
}

export async function firstRemoteFrameAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __firstFrameAt: Promise<number> }).__firstFrameAt);
}

/** The patient accepts the consent term and the doctor opens a room for them: the room's code. */
export async function openRoomForCall(
  doctor: Pick<CallPage, 'context'>,
  patient: Pick<CallPage, 'context'>,
  baseUrl: string,
  patientId: string,
  reason: string,
): Promise<string> {
  const consent = await patient.context.request.post('/api/consent', { data: { version: TCLE_VERSION }, headers: { origin: baseUrl } });
  expect(consent.status()).toBeLessThan(300);
  const res = await doctor.context.request.post('/api/rooms', { data: { patientId, reason }, headers: { origin: baseUrl } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/** The size of the remote video as the page shows it ('' before there is one). */
export const remoteSize = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector<HTMLVideoElement>('video[data-testid="remote-video"]');
    return v ? `${v.videoWidth}x${v.videoHeight}` : '';
  });

/** Waits until the record's autosave says "Salvo às …". */
export async function waitSaved(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /Salvo às/ })
          .count(),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
}
