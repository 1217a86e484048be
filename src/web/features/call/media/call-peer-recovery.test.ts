import { describe, expect, it, vi } from 'vitest';
import { connect, deliver, descriptions, logged, side, withFakeWebRtc } from '#web/features/call/testing/call-peer-sides.ts';
import { flush } from '#web/features/call/testing/fake-media.ts';

withFakeWebRtc();

describe('CallPeer: ICE restart', () => {
  it('the initiator restarts ICE once when it fails, and again only after it connected', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    doctor.pc().setIce('failed');
    doctor.pc().setConnection('failed');
    expect(doctor.pc().restartIceCalls).toBe(1);
    expect(doctor.links.at(-1)).toBe('reconnecting');
    expect(logged(doctor, 'connection failed: ICE restart')).toBe(true);
    doctor.pc().setConnection('connected');
    doctor.pc().setIce('failed');
    expect(doctor.pc().restartIceCalls).toBe(2);
    // The answerer waits for the initiator's restart.
    patient.pc().setIce('failed');
    expect(patient.pc().restartIceCalls).toBe(0);
  });

  it('does not restart while the other member is away (paused)', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    doctor.peer.pause();
    doctor.pc().setIce('failed');
    expect(doctor.pc().restartIceCalls).toBe(0);
  });
});

describe('CallPeer: the watchdog', () => {
  it('gives the initiator a new connection and a new offer when the first does not connect in time', async () => {
    const doctor = side('doctor', false);
    doctor.peer.start(true);
    await flush();
    const first = doctor.pc();
    first.setConnection('connecting');
    await vi.advanceTimersByTimeAsync(4000);
    expect(doctor.pcs()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1500);
    await flush();
    expect(doctor.pcs()).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect(descriptions(doctor)).toEqual(['offer', 'offer']);
    expect(doctor.links).toEqual(['connecting']);
    expect(logged(doctor, 'watchdog: not connected in time')).toBe(true);
  });

  it('restarts ICE on a connection that worked and dropped, then starts over ("Reconectando…")', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    doctor.pc().setConnection('disconnected');
    expect(doctor.links.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(5500);
    expect(doctor.pc().restartIceCalls).toBe(1);
    expect(doctor.pcs()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5500);
    await flush();
    expect(doctor.pcs()).toHaveLength(2);
    expect(doctor.links.at(-1)).toBe('reconnecting');
    expect(doctor.streams.at(-1)).toBeNull();
  });

  it('makes the answerer offer itself once when no offer arrives (the other side kept a stale connection)', async () => {
    const patient = side('patient', true);
    patient.peer.start(false);
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(descriptions(patient)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(descriptions(patient)).toEqual(['offer']);
    await vi.advanceTimersByTimeAsync(10_000);
    await flush();
    expect(descriptions(patient)).toEqual(['offer']);
    expect(patient.pcs()).toHaveLength(1);
  });

  it('rests while paused, after a hang-up and once destroyed', async () => {
    const doctor = side('doctor', false);
    doctor.peer.start(true);
    await flush();
    doctor.peer.pause();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(doctor.pcs()).toHaveLength(1);
    doctor.peer.destroy();
    doctor.peer.start(true);
    await vi.advanceTimersByTimeAsync(20_000);
    await flush();
    expect(doctor.pcs()).toHaveLength(1);
    expect(doctor.pc().closed).toBe(true);
  });
});

describe('CallPeer: the other page', () => {
  it('answers an offer from a reloaded page (new SDP session) on a fresh connection', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    const reloaded = side('patient2', true);
    reloaded.peer.start(false);
    await flush();
    await vi.advanceTimersByTimeAsync(1600);
    await flush();
    await deliver(reloaded, doctor);
    expect(logged(doctor, 'offer from a new remote connection')).toBe(true);
    expect(doctor.pcs()).toHaveLength(2);
    expect(descriptions(doctor)).toEqual(['answer']);
    expect(doctor.links.at(-1)).toBe('reconnecting');
  });

  it('starts over with a new offer when an answer comes from a connection that never knew ours', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    const other = side('other', true);
    other.peer.start(false);
    await flush();
    doctor.pc().onnegotiationneeded!();
    await flush();
    await deliver(doctor, other);
    doctor.sent.splice(0);
    await deliver(other, doctor);
    expect(logged(doctor, 'answer from a new remote connection')).toBe(true);
    expect(doctor.pcs()).toHaveLength(2);
    expect(descriptions(doctor)).toEqual(['offer']);
  });

  it('keeps a connected connection on a new call:start and tells the server again', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    expect(doctor.connected).toBe(1);
    doctor.peer.start(true);
    await flush();
    expect(doctor.connected).toBe(2);
    expect(doctor.pcs()).toHaveLength(1);
    expect(await doctor.peer.getStats()).toBeInstanceOf(Map);
  });

  it('hangs up when the other member leaves: closed, no remote stream, idle until the next call:start', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    doctor.peer.hangUp();
    await flush();
    expect(doctor.pc().closed).toBe(true);
    expect(doctor.streams.at(-1)).toBeNull();
    expect(doctor.links.at(-1)).toBe('idle');
    expect(await doctor.peer.getStats()).toBeNull();
    // An offer arriving now gets a new connection.
    patient.pc().onnegotiationneeded!();
    await flush();
    await deliver(patient, doctor);
    expect(doctor.pcs()).toHaveLength(2);
    expect(descriptions(doctor)).toEqual(['answer']);
    expect(doctor.links.at(-1)).toBe('connecting');
  });

  it('logs a task that fails and goes on with the next', async () => {
    const patient = side('patient', true);
    patient.peer.start(false);
    await flush();
    patient.pc().close();
    patient.peer.signal({ description: { type: 'offer', sdp: 'v=0\r\n' } });
    patient.peer.hangUp();
    await flush();
    expect(logged(patient, 'signal failed')).toBe(true);
    expect(patient.links).toEqual(['connecting', 'idle']);
  });
});
