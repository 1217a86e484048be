import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTrack, flush } from '#web/features/call/testing/fake-media.ts';
import { FakeSender } from '#web/features/call/testing/fake-peer-connection.ts';
import { RAMP_TIMING, SendRamp, rampScale, readSenderStats, scaleFor, widthFor } from './send-ramp';
import type { RampView } from './send-ramp';

describe('send ramp: the pure parts', () => {
  it('scales a camera down to 320 px wide for the first frames, and leaves small or unknown tracks alone', () => {
    expect(scaleFor(1280)).toBe(4);
    expect(scaleFor(1920)).toBe(6);
    expect(scaleFor(640)).toBe(2);
    expect(scaleFor(320)).toBe(1);
    expect(scaleFor(undefined)).toBe(1);
    expect(scaleFor(1280, 640)).toBe(2);
    expect(scaleFor(1280, Infinity)).toBe(1);
  });

  it('lets the frames grow with the outgoing estimate, with room for audio under the browser’s own limits', () => {
    expect(widthFor(null)).toBe(320);
    expect(widthFor(300)).toBe(320);
    expect(widthFor(359)).toBe(320);
    expect(widthFor(360)).toBe(640);
    expect(widthFor(599)).toBe(640);
    expect(widthFor(600)).toBe(Infinity);
  });

  const view = (patch: Partial<RampView>): RampView => ({
    scale: 4,
    trackWidth: 1280,
    screen: false,
    framesFlowingMs: null,
    connectedMs: null,
    kbps: null,
    ...patch,
  });

  it('decides the scale: wait for frames, hold them small briefly, then follow the estimate up to full size', () => {
    const t = RAMP_TIMING;
    expect(rampScale(view({}), t)).toBe(4);
    expect(rampScale(view({ connectedMs: t.idleMs - 1 }), t)).toBe(4);
    // Connected, but nothing to send (camera off): full size, so the next camera starts sharp.
    expect(rampScale(view({ connectedMs: t.idleMs }), t)).toBe(1);
    expect(rampScale(view({ framesFlowingMs: t.holdMs - 1, kbps: 5000 }), t)).toBe(4);
    expect(rampScale(view({ framesFlowingMs: t.holdMs, kbps: 5000 }), t)).toBe(1);
    expect(rampScale(view({ framesFlowingMs: t.holdMs, kbps: 400 }), t)).toBe(2);
    expect(rampScale(view({ framesFlowingMs: t.holdMs, kbps: 300 }), t)).toBe(4);
    // No estimate (a browser without availableOutgoingBitrate): full size after the longest hold.
    expect(rampScale(view({ framesFlowingMs: t.maxHoldMs - 1 }), t)).toBe(4);
    expect(rampScale(view({ framesFlowingMs: t.maxHoldMs }), t)).toBe(1);
    // Never back down: that is the browser's job.
    expect(rampScale(view({ scale: 2, framesFlowingMs: t.holdMs, kbps: 100 }), t)).toBe(2);
    // A screen's detail matters from its first frame.
    expect(rampScale(view({ screen: true }), t)).toBe(1);
    // The camera went off mid-ramp: nothing left to scale.
    expect(rampScale(view({ trackWidth: undefined, framesFlowingMs: t.holdMs }), t)).toBe(1);
  });

  it('reads frames sent and the estimate from a sender’s statistics', () => {
    expect(readSenderStats([])).toEqual({ framesSent: 0, kbps: null });
    expect(
      readSenderStats([
        { type: 'outbound-rtp', kind: 'video', framesSent: 12 },
        { type: 'outbound-rtp', kind: 'audio', packetsSent: 50 },
        { type: 'candidate-pair', availableOutgoingBitrate: 820_000 },
        { type: 'candidate-pair' },
      ]),
    ).toEqual({ framesSent: 12, kbps: 820 });
  });
});

describe('SendRamp against a fake sender', () => {
  let pc: { connectionState: RTCPeerConnectionState };
  let sender: FakeSender;
  let camera: FakeTrack;
  const log = vi.fn();
  const scale = () => sender.encodings[0]!.scaleResolutionDownBy;
  const freshSender = () => {
    sender = new FakeSender();
    sender.track = camera;
  };
  const ramp = () => new SendRamp(pc as unknown as RTCPeerConnection, sender as unknown as RTCRtpSender, log);
  const wait = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flush();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    log.mockClear();
    pc = { connectionState: 'new' };
    camera = new FakeTrack('video');
    camera.width = 1280;
    freshSender();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts a 720p camera at 320 px, steps to 640 px, then full size as the estimate grows, and stops watching', async () => {
    const r = ramp();
    await r.begin(camera as unknown as MediaStreamTrack);
    expect(scale()).toBe(4);
    pc.connectionState = 'connected';
    sender.framesSent = 3;
    sender.availableOutgoingBitrate = 300_000;
    await wait(RAMP_TIMING.holdMs + 200);
    expect(scale()).toBe(4);
    sender.availableOutgoingBitrate = 450_000;
    await wait(RAMP_TIMING.pollMs);
    expect(scale()).toBe(2);
    sender.availableOutgoingBitrate = 900_000;
    await wait(RAMP_TIMING.pollMs);
    expect(scale()).toBe(1);
    expect(log.mock.calls.map(([m]) => m)).toEqual(["video: 1/4.00 of the camera's width", "video: 1/2.00 of the camera's width", 'video: full size']);
    expect(vi.getTimerCount()).toBe(0);
    // The track stays the sender's own business (a device switch or screen share is never undone).
    expect(sender.track).toBe(camera);
  });

  it('goes full size at once when a screen share replaces the camera mid-ramp', async () => {
    await ramp().begin(camera as unknown as MediaStreamTrack);
    const screen = new FakeTrack('video');
    screen.contentHint = 'detail';
    screen.width = 1920;
    sender.track = screen;
    await wait(RAMP_TIMING.pollMs);
    expect(scale()).toBe(1);
  });

  it('leaves a screen, a small camera and no camera at full size', async () => {
    const screen = new FakeTrack('video');
    screen.contentHint = 'detail';
    screen.width = 1920;
    for (const track of [screen, Object.assign(new FakeTrack('video'), { width: 320 }), null]) {
      sender = new FakeSender();
      await ramp().begin(track as unknown as MediaStreamTrack | null);
      expect(scale()).toBeUndefined();
    }
    expect(vi.getTimerCount()).toBe(0);
  });

  it('goes full size when connected without frames for a while, or after the longest hold without an estimate', async () => {
    await ramp().begin(camera as unknown as MediaStreamTrack);
    pc.connectionState = 'connected';
    await wait(RAMP_TIMING.idleMs - 200);
    expect(scale()).toBe(4);
    await wait(300);
    expect(scale()).toBe(1);

    freshSender();
    await ramp().begin(camera as unknown as MediaStreamTrack);
    sender.framesSent = 1;
    await wait(RAMP_TIMING.maxHoldMs - 200);
    expect(scale()).toBe(4);
    await wait(300);
    expect(scale()).toBe(1);
  });

  it('keeps trying a refused step up a few times, then gives up without throwing', async () => {
    await ramp().begin(camera as unknown as MediaStreamTrack);
    sender.framesSent = 1;
    sender.availableOutgoingBitrate = 2_000_000;
    sender.refuseParameters = 1;
    await wait(RAMP_TIMING.holdMs + RAMP_TIMING.pollMs * 2);
    expect(scale()).toBe(1);
    expect(log.mock.calls.some(([m]) => String(m).includes('not applied'))).toBe(true);

    freshSender();
    await ramp().begin(camera as unknown as MediaStreamTrack);
    sender.framesSent = 1;
    sender.availableOutgoingBitrate = 2_000_000;
    sender.refuseParameters = 10;
    await wait(RAMP_TIMING.maxHoldMs);
    expect(scale()).toBe(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops with its connection, and reads statistics again when they fail once', async () => {
    const r = ramp();
    await r.begin(camera as unknown as MediaStreamTrack);
    r.stop();
    expect(vi.getTimerCount()).toBe(0);

    freshSender();
    await ramp().begin(camera as unknown as MediaStreamTrack);
    pc.connectionState = 'closed';
    await wait(RAMP_TIMING.pollMs);
    expect(vi.getTimerCount()).toBe(0);

    pc.connectionState = 'connected';
    freshSender();
    await ramp().begin(camera as unknown as MediaStreamTrack);
    const getStats = vi.spyOn(sender, 'getStats').mockRejectedValueOnce(new Error('busy'));
    sender.framesSent = 1;
    sender.availableOutgoingBitrate = 2_000_000;
    await wait(RAMP_TIMING.holdMs + RAMP_TIMING.pollMs * 2);
    expect(getStats.mock.calls.length).toBeGreaterThan(1);
    expect(scale()).toBe(1);
  });

  it('keeps the first size when the browser gives no encoding to scale', async () => {
    sender.encodings = [];
    await ramp().begin(camera as unknown as MediaStreamTrack);
    expect(sender.encodings).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
