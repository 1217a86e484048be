import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, DESKTOP, PHONE } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, framesDecoded, signedInCallPage, openRoomForCall, remoteSize } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { CHROMIUM_PATH, chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * Four fake cameras. Chromium gives each fake camera a pixel format by its index: fake_device_1 is
 * a 16-bit depth camera (Y16) whose frames WebRTC never encodes (not one frame is sent, even when
 * it is the first camera of a bare call), fake_device_2 sends MJPEG like a USB webcam, 0 and 3 I420.
 * So a switch is tested to fake_device_2: a switch to fake_device_1 "stops after ~15 frames" (the
 * last frames of the old camera) in any WebRTC page, ours or not.
 */
const FOUR_CAMERAS = CHROMIUM_ARGS.map((a) => (a === '--use-fake-device-for-media-stream' ? `${a}=device-count=4` : a));
const NEW_CAMERA = 'fake_device_2';
/** How long the other side must keep decoding after the switch (the old failure stopped within a second). */
const KEEP_DECODING_S = 6;

/** The tracks the page's live connection sends: label and state, and what the encoder did with the video. */
const sending = (page: Page) =>
  page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== 'closed');
    const senders = pcs.flatMap((pc) => pc.getSenders());
    const describe = (kind: string) => {
      const t = senders.find((s) => s.track?.kind === kind)?.track;
      return t ? `${t.label} ${t.readyState}${t.enabled ? '' : ' disabled'}` : null;
    };
    let framesEncoded = 0;
    for (const pc of pcs) {
      for (const s of (await pc.getStats()).values() as IterableIterator<Record<string, unknown>>) {
        if (s.type === 'outbound-rtp' && s.kind === 'video') framesEncoded += Number(s.framesEncoded ?? 0);
      }
    }
    return { audio: describe('audio'), video: describe('video'), framesEncoded };
  });

/** What our own small picture shows: the label and state of its video track. */
const selfView = (page: Page) =>
  page.evaluate(() => {
    const video = [...document.querySelectorAll<HTMLVideoElement>('video[data-testid="local-video"]')].find((v) => v.srcObject);
    const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
    return track ? `${track.label} ${track.readyState}` : null;
  });

/** The encoder's scale on the page's video sender (1: full size; the send ramp only ever steps up to it). */
const videoScale = (page: Page) =>
  page.evaluate(() => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== 'closed');
    const sender = pcs.flatMap((pc) => pc.getSenders()).find((s) => s.track?.kind === 'video');
    return sender?.getParameters().encodings[0]?.scaleResolutionDownBy ?? 1;
  });

/** Audio received by the page's live connections: samples played out and their energy (silence adds none). */
const audioIn = (page: Page) =>
  page.evaluate(async () => {
    const pcs = ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== 'closed');
    const r = { samples: 0, concealed: 0, energy: 0 };
    for (const pc of pcs) {
      for (const s of (await pc.getStats()).values() as IterableIterator<Record<string, unknown>>) {
        if (s.type !== 'inbound-rtp' || s.kind !== 'audio') continue;
        r.samples += Number(s.totalSamplesReceived ?? 0);
        r.concealed += Number(s.concealedSamples ?? 0);
        r.energy += Number(s.totalAudioEnergy ?? 0);
      }
    }
    return r;
  });

/**
 * For `seconds` seconds the page keeps decoding video: every 2 s window holds at least `perWindow`
 * new frames (the fake cameras send 20 a second). Windows of 2 s, not 1, so a second in which a
 * busy machine starves the browser is not taken for the stop this looks for (no frame at all).
 */
async function expectDecodingFor(page: Page, label: string, seconds: number, perWindow = 5): Promise<void> {
  const counts = [await framesDecoded(page)];
  for (let i = 0; i < seconds; i++) {
    await page.waitForTimeout(1000);
    counts.push(await framesDecoded(page));
  }
  const windows = counts.slice(2).map((n, i) => n - counts[i]!);
  const perSecond = counts.slice(1).map((n, i) => n - counts[i]!);
  expect(
    windows.every((n) => n >= perWindow),
    `${label}: every 2 s of ${seconds} s should bring ≥ ${perWindow} decoded frames; per second they were ${perSecond.join(', ')}`,
  ).toBe(true);
}

/**
 * Switching devices in the middle of a call (the "Câmera e som" dialog, under "Mais opções"): the
 * new camera goes on the connection and the other side keeps decoding its frames, the self-view
 * shows it, and a new microphone keeps the other side hearing sound.
 */
describe.runIf(run)('switching devices mid-call', () => {
  let server: LiveServer;
  let doctorBrowser: Browser;
  let patientBrowser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';

  beforeAll(async () => {
    server = await startLiveServer();
    // One browser per person (two contexts of one Chromium share its fake camera and stall each other).
    doctorBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FOUR_CAMERAS, headless: true });
    patientBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FOUR_CAMERAS, headless: true });
    const d = await createDoctor(server.db, { name: 'Helena Duarte' });
    const p = await createPatient(server.db, { name: 'Maria Souza', doctors: [d] });
    doctor = await signedInCallPage(doctorBrowser, server.url, d.email, DESKTOP);
    patient = await signedInCallPage(patientBrowser, server.url, p.email, PHONE);
    code = await openRoomForCall(doctor, patient, server.url, p.id, 'Retorno');
  });
  afterAll(async () => {
    await doctorBrowser?.close();
    await patientBrowser?.close();
    await server?.stop();
  });

  async function openDevices(page: Page) {
    await page.getByRole('button', { name: 'Mais opções' }).click();
    await page.getByRole('menu', { name: 'Mais opções' }).getByRole('menuitem', { name: 'Trocar câmera ou microfone' }).click();
    return page.getByRole('dialog', { name: 'Câmera e som' });
  }

  it('the call starts and both sides decode video', async () => {
    await patient.page.goto(`/sala/${code}`);
    await patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await patient.page
      .getByText(/Aguardando/)
      .first()
      .waitFor();
    await doctor.page.goto(`/sala/${code}`);
    await doctor.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await doctor.page.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(doctor.page, 'doctor');
    await expectFramesGrowing(patient.page, 'patient');
    expect((await sending(patient.page)).video).toBe('fake_device_0 live');
  });

  it(`switching camera mid-call: the other side keeps decoding frames for ${KEEP_DECODING_S} seconds after the switch`, async () => {
    const dialog = await openDevices(patient.page);
    await dialog.getByLabel('Câmera', { exact: true }).selectOption({ label: NEW_CAMERA });
    await expect.poll(async () => (await sending(patient.page)).video, { timeout: 10_000 }).toBe(`${NEW_CAMERA} live`);
    await dialog.getByRole('button', { name: 'Concluir' }).click();
    const encodedAtSwitch = (await sending(patient.page)).framesEncoded;
    // Give the old camera's last frames time to drain: what must keep coming is the new one's.
    await patient.page.waitForTimeout(1000);
    await expectDecodingFor(doctor.page, 'doctor after the patient switched camera', KEEP_DECODING_S);
    const after = await sending(patient.page);
    expect(after.video, 'the new camera is still what the patient sends').toBe(`${NEW_CAMERA} live`);
    expect(after.framesEncoded - encodedAtSwitch, 'the patient encoded the new camera’s frames').toBeGreaterThan(4 * KEEP_DECODING_S);
    expect(await selfView(patient.page), 'the patient sees the new camera in the self-view').toBe(`${NEW_CAMERA} live`);
    // The send ramp did not leave the new camera scaled down: it reaches the doctor at its own 720p.
    expect(await videoScale(patient.page)).toBe(1);
    await expect.poll(() => remoteSize(doctor.page), { timeout: 15_000, message: 'the doctor should receive the new camera at 1280×720' }).toBe('1280x720');
    // The other direction was not disturbed.
    await expectFramesGrowing(patient.page, 'patient after her own switch');
  });

  it('switching microphone mid-call: the new one is sent, still on, and the other side keeps hearing sound', async () => {
    const before = (await sending(patient.page)).audio;
    expect(before).toMatch(/ live$/);
    const dialog = await openDevices(patient.page);
    const select = dialog.getByLabel('Microfone', { exact: true });
    const labels = await select.locator('option').allTextContents();
    const other = labels.find((l) => !before!.startsWith(`${l} `));
    expect(other, `another microphone than ${before} among ${labels.join(', ')}`).toBeTruthy();
    await select.selectOption({ label: other! });
    await expect.poll(async () => (await sending(patient.page)).audio, { timeout: 10_000 }).toBe(`${other} live`);
    await dialog.getByRole('button', { name: 'Concluir' }).click();
    await expect.poll(() => patient.page.getByRole('button', { name: 'Microfone' }).getAttribute('aria-pressed')).toBe('true');

    await patient.page.waitForTimeout(1000);
    const start = await audioIn(doctor.page);
    await doctor.page.waitForTimeout(3000);
    const end = await audioIn(doctor.page);
    const samples = end.samples - start.samples;
    // 3 s of 48 kHz audio arrived, mostly real (not made up by the jitter buffer), and not silent.
    expect(samples, 'audio samples received in 3 s').toBeGreaterThan(48_000 * 2);
    expect((end.concealed - start.concealed) / samples, 'share of concealed (lost) audio').toBeLessThan(0.2);
    expect(end.energy - start.energy, 'the doctor hears sound, not silence').toBeGreaterThan(0);
    // Video went on through the microphone switch.
    await expectFramesGrowing(doctor.page, 'doctor after the patient switched microphone');
  });

  it('logged no page errors', () => {
    expect([...doctor.errors, ...patient.errors]).toEqual([]);
  });
});
