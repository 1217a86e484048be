import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser';
import { coturnAvailable, startCoturn } from '../helpers/coturn';
import { createDoctor, createPatient, PASSWORD } from '../helpers/factories';
import { startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable() && coturnAvailable();

/**
 * Proves the TURN credentials the server hands out work: two Chromium pages, each signed in and
 * taking its ICE servers from /api/rtc/ice-servers, connect with iceTransportPolicy 'relay', so
 * the only way through is the local coturn checking our HMAC credentials. The SDP is passed by
 * the test itself: here the relay, not the signaling, is under test.
 */
describe.runIf(run)('TURN relay with time-limited credentials', () => {
  let coturn: Awaited<ReturnType<typeof startCoturn>>;
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    coturn = await startCoturn();
    server = await startLiveServer({ TURN_URLS: coturn.url, TURN_SECRET: coturn.secret });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    coturn?.stop();
  });

  async function signedInPage(email: string): Promise<Page> {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    const res = await context.request.post('/api/auth/login', { data: { email, password: PASSWORD }, headers: { origin: server.url } });
    expect(res.status()).toBe(200);
    const page = await context.newPage();
    await page.goto('/termos');
    return page;
  }

  /** Creates a relay-only peer connection with the server's ICE servers and fake media. */
  async function preparePeer(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const res = await fetch('/api/rtc/ice-servers', { credentials: 'same-origin' });
      const { iceServers } = (await res.json()) as { iceServers: RTCIceServer[] };
      const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      for (const track of stream.getTracks()) pc.addTrack(track, stream);
      (window as unknown as { pc: RTCPeerConnection }).pc = pc;
    });
  }

  const gathered = (page: Page, make: 'offer' | 'answer', remote?: RTCSessionDescriptionInit) =>
    page.evaluate(
      async ({ make, remote }) => {
        const pc = (window as unknown as { pc: RTCPeerConnection }).pc;
        if (remote) await pc.setRemoteDescription(remote);
        const desc = make === 'offer' ? await pc.createOffer() : await pc.createAnswer();
        await pc.setLocalDescription(desc);
        if (pc.iceGatheringState !== 'complete') {
          await new Promise<void>((resolve) => pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve()));
        }
        return { type: pc.localDescription!.type, sdp: pc.localDescription!.sdp };
      },
      { make, remote },
    );

  const relayStats = (page: Page) =>
    page.evaluate(async () => {
      const pc = (window as unknown as { pc: RTCPeerConnection }).pc;
      const stats = [...(await pc.getStats()).values()] as Record<string, unknown>[];
      const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
      const local = stats.find((s) => s.id === pair?.localCandidateId);
      const framesDecoded = stats.filter((s) => s.type === 'inbound-rtp' && s.kind === 'video').reduce((n, s) => n + Number(s.framesDecoded ?? 0), 0);
      return { state: pc.connectionState, localType: local?.candidateType, framesDecoded };
    });

  it('connects through coturn only and receives video', async () => {
    const doctor = await createDoctor(server.db);
    const patient = await createPatient(server.db, { doctors: [doctor] });
    const a = await signedInPage(doctor.email);
    const b = await signedInPage(patient.email);

    const ice = await a.evaluate(async () => (await (await fetch('/api/rtc/ice-servers')).json()) as { iceServers: { urls: string[]; username?: string }[] });
    const turn = ice.iceServers.find((s) => s.username);
    expect(turn?.urls).toEqual([coturn.url]);
    expect(turn?.username).toMatch(new RegExp(`^\\d+:${doctor.id}$`));

    await preparePeer(a);
    await preparePeer(b);
    const offer = await gathered(a, 'offer');
    expect(offer.sdp).toContain(' typ relay');
    expect(offer.sdp).not.toContain(' typ host');
    const answer = await gathered(b, 'answer', offer);
    await a.evaluate((d) => (window as unknown as { pc: RTCPeerConnection }).pc.setRemoteDescription(d), answer);

    await expect.poll(async () => (await relayStats(a)).state, { timeout: 15_000 }).toBe('connected');
    await expect.poll(async () => (await relayStats(b)).framesDecoded, { timeout: 15_000 }).toBeGreaterThan(10);
    expect((await relayStats(a)).localType).toBe('relay');
  });

  it('is refused by coturn with a forged credential', async () => {
    const doctor = await createDoctor(server.db);
    const page = await signedInPage(doctor.email);
    const types = await page.evaluate(async (turnUrl) => {
      const pc = new RTCPeerConnection({
        iceServers: [{ urls: turnUrl, username: `${Math.floor(Date.now() / 1000) + 600}:someone`, credential: 'forged' }],
        iceTransportPolicy: 'relay',
      });
      pc.createDataChannel('x');
      await pc.setLocalDescription(await pc.createOffer());
      await new Promise((r) => setTimeout(r, 3000));
      return pc.localDescription!.sdp.match(/typ \w+/g) ?? [];
    }, coturn.url);
    expect(types).toEqual([]);
  });
});
