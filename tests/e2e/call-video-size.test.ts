import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, DESKTOP, PHONE } from '../helpers/browser';
import { type CallPage, signedInCallPage, openRoomForCall, remoteSize } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { CHROMIUM_PATH, chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * Three fake cameras, each 1280×720 when asked for 720p. The switch goes to fake_device_2 (MJPEG, like
 * a USB webcam): Chromium makes fake_device_1 a 16-bit depth camera whose frames WebRTC never encodes.
 */
const THREE_CAMERAS = CHROMIUM_ARGS.map((a) => (a === '--use-fake-device-for-media-stream' ? `${a}=device-count=3` : a));

/**
 * A stand-in for the browser's screen picker (headless Chromium has none): a moving 1920×1080
 * canvas, as a shared full-HD screen would send.
 */
const FAKE_SCREEN = `navigator.mediaDevices.getDisplayMedia = async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 1920;
  canvas.height = 1080;
  const g = canvas.getContext('2d');
  let n = 0;
  setInterval(() => { g.fillStyle = n % 2 ? '#123' : '#fed'; g.fillRect(0, 0, 1920, 1080); g.fillStyle = '#f00'; g.fillRect((n * 37) % 1800, 400, 120, 120); n++; }, 66);
  return canvas.captureStream(15);
};`;

/** The first remote frame's size, from requestVideoFrameCallback (armed before the call starts). */
const ARM_FIRST_FRAME = `window.__firstSize = new Promise((resolve) => {
  const check = () => {
    const video = document.querySelector('video[data-testid="remote-video"]');
    if (video && video.srcObject) video.requestVideoFrameCallback((now, m) => resolve(m.width + 'x' + m.height));
    else setTimeout(check, 5);
  };
  check();
}); undefined`;

/** What the page's live connection sends as video: the track's label and hint, and the encoder's scale. */
const videoSender = (page: Page) =>
  page.evaluate(() => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== 'closed');
    const sender = pcs.flatMap((pc) => pc.getSenders()).find((s) => s.track?.kind === 'video');
    return sender
      ? { label: sender.track!.label, hint: sender.track!.contentHint, scale: sender.getParameters().encodings[0]?.scaleResolutionDownBy ?? 1 }
      : null;
  });

/**
 * The call starts its video small so the first frame comes sooner, then steps up (ADR 005, the
 * send ramp): a 720p camera really reaches the other side at 1280×720, a shared screen goes at
 * its own full size, and a switched camera goes on the sender unscaled: the step up undoes neither.
 */
describe.runIf(run)('call video size', () => {
  let server: LiveServer;
  let browser: Browser;
  let patientBrowser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';

  beforeAll(async () => {
    server = await startLiveServer();
    // One browser per person, as in bench:call-setup (two contexts of one Chromium share its fake camera).
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: THREE_CAMERAS, headless: true });
    const d = await createDoctor(server.db, { name: 'Helena Duarte' });
    const p = await createPatient(server.db, { name: 'Maria Souza', doctors: [d] });
    doctor = await signedInCallPage(browser, server.url, d.email, DESKTOP);
    await doctor.context.addInitScript(FAKE_SCREEN);
    patientBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: THREE_CAMERAS, headless: true });
    patient = await signedInCallPage(patientBrowser, server.url, p.email, PHONE);
    code = await openRoomForCall(doctor, patient, server.url, p.id, 'Retorno');
  });
  afterAll(async () => {
    await browser?.close();
    await patientBrowser?.close();
    await server?.stop();
  });

  async function moreMenu(page: Page, item: string): Promise<void> {
    await page.getByRole('button', { name: 'Mais opções' }).click();
    await page.getByRole('menu', { name: 'Mais opções' }).getByRole('menuitem', { name: item }).click();
  }

  it('the first remote frames are small, and both sides then receive the other’s camera at 1280×720', async () => {
    await patient.page.goto(`/sala/${code}`);
    await patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await patient.page
      .getByText(/Aguardando/)
      .first()
      .waitFor();
    await doctor.page.goto(`/sala/${code}`);
    await doctor.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    const admit = doctor.page.getByRole('button', { name: 'Deixar entrar' });
    await admit.waitFor();
    await doctor.page.evaluate(ARM_FIRST_FRAME);
    await patient.page.evaluate(ARM_FIRST_FRAME);
    await admit.click();
    for (const [who, page] of [
      ['doctor', doctor.page],
      ['patient', patient.page],
    ] as const) {
      const first = String(await page.evaluate('window.__firstSize'));
      expect(Number(first.split('x')[0]), `${who}'s first remote frame (${first}) should be sent small`).toBeLessThan(1280);
    }
    for (const [who, page] of [
      ['doctor', doctor.page],
      ['patient', patient.page],
    ] as const) {
      await expect.poll(() => remoteSize(page), { timeout: 10_000, message: `${who} should receive 1280×720 after the step up` }).toBe('1280x720');
    }
    expect(await videoSender(doctor.page)).toEqual({ label: 'fake_device_0', hint: 'motion', scale: 1 });
  });

  it('a shared screen reaches the patient at its own full size, and the camera comes back at 720p', async () => {
    await moreMenu(doctor.page, 'Compartilhar a tela');
    await expect.poll(() => remoteSize(patient.page), { timeout: 15_000, message: 'the patient should see the whole 1920×1080 screen' }).toBe('1920x1080');
    expect(await videoSender(doctor.page)).toMatchObject({ hint: 'detail', scale: 1 });
    await moreMenu(doctor.page, 'Parar de compartilhar a tela');
    await expect.poll(() => remoteSize(patient.page), { timeout: 15_000 }).toBe('1280x720');
    expect(await videoSender(doctor.page)).toEqual({ label: 'fake_device_0', hint: 'motion', scale: 1 });
  });

  // What the ramp could spoil: the new camera is on the sender, unscaled.
  // That its frames keep coming for seconds is checked in call-device-switch.test.ts.
  it('switching to another camera mid-call puts it on the sender at full size', async () => {
    await moreMenu(doctor.page, 'Trocar câmera ou microfone');
    const dialog = doctor.page.getByRole('dialog', { name: 'Câmera e som' });
    await dialog.getByLabel('Câmera', { exact: true }).selectOption({ label: 'fake_device_2' });
    await expect.poll(async () => (await videoSender(doctor.page))?.label, { timeout: 10_000 }).toBe('fake_device_2');
    await dialog.getByRole('button', { name: 'Concluir' }).click();
    expect(await videoSender(doctor.page)).toEqual({ label: 'fake_device_2', hint: 'motion', scale: 1 });
  });

  it('logged no page errors', () => {
    expect([...doctor.errors, ...patient.errors]).toEqual([]);
  });
});
