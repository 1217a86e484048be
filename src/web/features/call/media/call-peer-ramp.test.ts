import { describe, expect, it, vi } from 'vitest';
import { connect, side, withFakeWebRtc } from '#web/features/call/testing/call-peer-sides.ts';
import type { Side } from '#web/features/call/testing/call-peer-sides.ts';
import { FakeTrack, flush } from '#web/features/call/testing/fake-media.ts';
import type { FakeSender } from '#web/features/call/testing/fake-peer-connection.ts';
import { RAMP_TIMING } from './send-ramp';

withFakeWebRtc();

/** A side whose camera delivers 1280×720, like Chromium's fake device when asked for 720p. */
function hdSide(name: string, polite: boolean): Side {
  const s = side(name, polite);
  s.tracks.video!.width = 1280;
  return s;
}

const videoSender = (s: Side) => s.pc().getTransceivers()[1]!.sender as unknown as FakeSender;
const audioSender = (s: Side) => s.pc().getTransceivers()[0]!.sender as unknown as FakeSender;
const scale = (s: Side) => videoSender(s).encodings[0]!.scaleResolutionDownBy;

/** Frames go out on both sides and the estimate allows `kbps`; then `ms` pass. */
async function flow(sides: Side[], kbps: number, ms: number): Promise<void> {
  for (const s of sides) {
    videoSender(s).framesSent = 10;
    videoSender(s).availableOutgoingBitrate = kbps * 1000;
  }
  await vi.advanceTimersByTimeAsync(ms);
  await flush();
}

describe('CallPeer: the first frames small, then full size (send ramp)', () => {
  it('starts the offerer’s and the answerer’s camera at 320 px wide and steps both up to full size once frames flow', async () => {
    const doctor = hdSide('doctor', false);
    const patient = hdSide('patient', true);
    await connect(doctor, patient);
    // The offerer's transceiver comes from addTransceiver, the answerer's from the offer: both start small.
    expect([scale(doctor), scale(patient)]).toEqual([4, 4]);
    expect(audioSender(doctor).encodings[0]!.scaleResolutionDownBy).toBeUndefined();
    await flow([doctor, patient], 2500, RAMP_TIMING.holdMs + 2 * RAMP_TIMING.pollMs);
    expect([scale(doctor), scale(patient)]).toEqual([1, 1]);
    expect([videoSender(doctor).track, videoSender(patient).track]).toEqual([doctor.tracks.video, patient.tracks.video]);
  });

  it('does not fight a screen share: the shared screen goes full size at once and stays on the sender', async () => {
    const doctor = hdSide('doctor', false);
    const patient = hdSide('patient', true);
    await connect(doctor, patient);
    const screen = Object.assign(new FakeTrack('video'), { contentHint: 'detail', width: 1920 });
    await doctor.peer.replaceTrack('video', screen as unknown as MediaStreamTrack);
    await vi.advanceTimersByTimeAsync(RAMP_TIMING.pollMs);
    await flush();
    expect(scale(doctor)).toBe(1);
    expect(videoSender(doctor).track).toBe(screen);
    // Back to the camera: it stays full size (the ramp is over for this connection).
    await doctor.peer.replaceTrack('video', doctor.tracks.video as unknown as MediaStreamTrack);
    await flow([doctor], 300, RAMP_TIMING.maxHoldMs);
    expect(scale(doctor)).toBe(1);
  });

  it('does not fight a device switch: the new camera is sent, small until the step up, then full size', async () => {
    const doctor = hdSide('doctor', false);
    const patient = hdSide('patient', true);
    await connect(doctor, patient);
    const other = Object.assign(new FakeTrack('video', 'cam-2'), { width: 1280 });
    await doctor.peer.replaceTrack('video', other as unknown as MediaStreamTrack);
    expect(scale(doctor)).toBe(4);
    await flow([doctor], 2500, RAMP_TIMING.holdMs + 2 * RAMP_TIMING.pollMs);
    expect(scale(doctor)).toBe(1);
    expect(videoSender(doctor).track).toBe(other);
  });

  it('starts small again on a new connection, and leaves no timer behind when the call ends', async () => {
    const doctor = hdSide('doctor', false);
    const patient = hdSide('patient', true);
    await connect(doctor, patient);
    await flow([doctor, patient], 2500, RAMP_TIMING.holdMs + 2 * RAMP_TIMING.pollMs);
    expect(scale(doctor)).toBe(1);
    patient.peer.hangUp();
    await flush();
    // The patient's page reloaded: a new call:start, a new connection, small first frames again.
    doctor.peer.hangUp();
    await flush();
    await connect(doctor, patient);
    expect([doctor.pcs().length, scale(doctor), scale(patient)]).toEqual([2, 4, 4]);
    doctor.peer.destroy();
    patient.peer.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});
