import { describe, expect, it } from 'vitest';
import { connect, deliver, descriptions, logged, side, withFakeWebRtc } from '#web/features/call/testing/call-peer-sides.ts';
import type { FakeMediaStream } from '#web/features/call/testing/fake-media.ts';
import { FakeTrack, flush } from '#web/features/call/testing/fake-media.ts';
import { FakePeerConnection } from '#web/features/call/testing/fake-peer-connection.ts';

withFakeWebRtc();

describe('CallPeer: the first offer', () => {
  it('comes from the member who was there first; the newcomer only answers; both report connected once media flows', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    patient.peer.start(false);
    doctor.peer.start(true);
    await flush();
    expect(descriptions(doctor)).toEqual(['offer']);
    expect(descriptions(patient)).toEqual([]);
    expect(doctor.links).toEqual(['connecting']);
    await deliver(doctor, patient);
    expect(descriptions(patient)).toEqual(['answer']);
    // The answerer put its own tracks on the transceivers the offer created.
    expect(
      patient
        .pc()
        .getTransceivers()
        .map((t) => [t.direction, t.sender.track]),
    ).toEqual([
      ['sendrecv', patient.tracks.audio],
      ['sendrecv', patient.tracks.video],
    ]);
    await deliver(patient, doctor);
    expect([doctor.pc().signalingState, patient.pc().signalingState]).toEqual(['stable', 'stable']);

    doctor.pc().setConnection('connected');
    expect(doctor.connected).toBe(0); // no remote track yet
    doctor.pc().receive('audio');
    const video = doctor.pc().receive('video');
    expect(doctor.connected).toBe(1);
    expect(doctor.links.at(-1)).toBe('connected');
    expect(doctor.peer.state).toBe('connected');
    const stream = doctor.streams.at(-1) as unknown as FakeMediaStream;
    expect(stream.getTracks().map((t) => t.kind)).toEqual(['audio', 'video']);
    // A new video track (renegotiated) replaces the old one in the remote stream.
    doctor.pc().receive('video');
    const latest = doctor.streams.at(-1) as unknown as FakeMediaStream;
    expect(latest.getVideoTracks()).toHaveLength(1);
    expect(latest.getVideoTracks()[0]).not.toBe(video);
    expect(doctor.connected).toBe(1);
  });

  it('sends gathered ICE candidates and adds the other side’s once a remote description is set', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    doctor.peer.start(true);
    patient.peer.start(false);
    await flush();
    doctor.pc().gather({ candidate: 'candidate:1', sdpMid: '0' });
    doctor.pc().gather(null);
    expect(doctor.sent.filter((m) => m.candidate)).toEqual([{ candidate: { candidate: 'candidate:1', sdpMid: '0' } }]);
    // A candidate before any description is dropped (the offer carries what was gathered by then).
    patient.peer.signal({ candidate: { candidate: 'early' } });
    await flush();
    await deliver(doctor, patient);
    expect(patient.pc().candidates).toEqual([{ candidate: 'candidate:1', sdpMid: '0' }]);
    patient.peer.signal({ candidate: { candidate: 'bad' } });
    await flush();
    expect(logged(patient, 'ICE candidate rejected')).toBe(true);
  });

  it('starts without ICE servers when they cannot be loaded', async () => {
    const doctor = side('doctor', false, { getIceServers: () => Promise.reject(new Error('offline')) });
    doctor.peer.start(true);
    await flush();
    expect(logged(doctor, 'ICE servers unavailable')).toBe(true);
    expect(FakePeerConnection.all.at(-1)!.config.iceServers).toEqual([]);
    expect(descriptions(doctor)).toEqual(['offer']);
  });
});

describe('CallPeer: perfect negotiation', () => {
  it('resolves glare: the impolite doctor keeps its offer, the polite patient rolls back and answers', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    // Both need to renegotiate at the same moment (e.g. both changed what they send).
    doctor.pc().onnegotiationneeded!();
    patient.pc().onnegotiationneeded!();
    await flush();
    expect([doctor.pc().signalingState, patient.pc().signalingState]).toEqual(['have-local-offer', 'have-local-offer']);
    const fromDoctor = doctor.sent.splice(0);
    const fromPatient = patient.sent.splice(0);
    for (const m of fromPatient) doctor.peer.signal(m);
    for (const m of fromDoctor) patient.peer.signal(m);
    await flush();
    expect(logged(doctor, 'offer collision: keeping ours')).toBe(true);
    expect(logged(patient, 'offer collision')).toBe(false);
    expect(descriptions(patient)).toEqual(['answer']);
    // A candidate for the ignored offer fails quietly on the impolite side.
    doctor.peer.signal({ candidate: { candidate: 'bad' } });
    await deliver(patient, doctor);
    expect([doctor.pc().signalingState, patient.pc().signalingState]).toEqual(['stable', 'stable']);
    expect(logged(doctor, 'ICE candidate rejected')).toBe(false);
    // Same connections throughout: glare never recreates.
    expect([doctor.pcs().length, patient.pcs().length]).toEqual([1, 1]);
  });

  it('ignores negotiationneeded before the first offer/answer completed (the initiator offers explicitly)', async () => {
    const doctor = side('doctor', false);
    doctor.peer.start(true);
    await flush();
    doctor.pc().onnegotiationneeded!();
    await flush();
    expect(descriptions(doctor)).toEqual(['offer']);
  });

  it('ignores an answer for an offer it no longer has', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    const answer = { type: 'answer' as const, sdp: patient.pc().localDescription!.sdp };
    doctor.peer.signal({ description: answer });
    doctor.peer.signal({ description: { type: 'pranswer', sdp: '' } });
    await flush();
    expect(logged(doctor, 'answer for an offer we no longer have')).toBe(true);
    expect(doctor.pc().signalingState).toBe('stable');
  });
});

describe('CallPeer: screen share and renegotiation', () => {
  it('swaps the sent video for the screen without a new offer', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    const screen = new FakeTrack('video');
    await doctor.peer.replaceTrack('video', screen as unknown as MediaStreamTrack);
    await doctor.peer.replaceTrack('audio', null);
    const [audio, video] = doctor.pc().getTransceivers();
    expect(video!.sender.track).toBe(screen);
    expect(audio!.sender.track).toBeNull();
    await flush();
    expect(doctor.sent).toEqual([]);
  });

  it('renegotiates when the connection asks for it after the first negotiation: offer, answer, stable', async () => {
    const doctor = side('doctor', false);
    const patient = side('patient', true);
    await connect(doctor, patient);
    doctor.tracks.video = new FakeTrack('video');
    patient.pc().onnegotiationneeded!();
    await flush();
    expect(descriptions(patient)).toEqual(['offer']);
    await deliver(patient, doctor);
    expect(descriptions(doctor)).toEqual(['answer']);
    // The answer puts our current tracks on the existing transceivers.
    expect(doctor.pc().getTransceivers()[1]!.sender.track).toBe(doctor.tracks.video);
    await deliver(doctor, patient);
    expect([doctor.pc().signalingState, patient.pc().signalingState]).toEqual(['stable', 'stable']);
    expect([doctor.pcs().length, patient.pcs().length]).toEqual([1, 1]);
  });

  it('does nothing without a connection', async () => {
    const doctor = side('doctor', false);
    await doctor.peer.replaceTrack('video', null);
    expect(await doctor.peer.getStats()).toBeNull();
  });
});
