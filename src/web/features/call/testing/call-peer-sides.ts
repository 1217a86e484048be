import { afterEach, beforeEach, vi } from 'vitest';
import type { Mock } from 'vitest';
import { CallPeer } from '#web/features/call/media/call-peer.ts';
import type { CallPeerOptions, LinkState, LocalTracks, SignalMessage } from '#web/features/call/media/call-peer-types.ts';
import { FakeMediaStream, FakeTrack, flush } from './fake-media';
import { FakePeerConnection } from './fake-peer-connection';

export interface Side {
  peer: CallPeer;
  sent: SignalMessage[];
  links: LinkState[];
  streams: (MediaStream | null)[];
  connected: number;
  log: Mock<(message: string, detail?: unknown) => void>;
  tracks: { audio: FakeTrack | null; video: FakeTrack | null };
  /** Every peer connection this side created, oldest first. */
  pcs: () => FakePeerConnection[];
  pc: () => FakePeerConnection;
}

let sides: Side[] = [];

/** One member's CallPeer; its connections are told apart by the ICE server it was given. */
export function side(name: string, polite: boolean, options: Partial<CallPeerOptions> = {}): Side {
  const url = `stun:${name}`;
  const pcs = () => FakePeerConnection.all.filter((pc) => (pc.config.iceServers?.[0]?.urls ?? 'stun:none') === url);
  const s = {
    sent: [],
    links: [],
    streams: [],
    connected: 0,
    log: vi.fn(),
    tracks: { audio: new FakeTrack('audio'), video: new FakeTrack('video') },
    pcs,
    pc: () => pcs().at(-1)!,
  } as unknown as Side;
  s.peer = new CallPeer({
    polite,
    getIceServers: async () => [{ urls: url }],
    sendSignal: (m) => s.sent.push(m),
    localTracks: () => s.tracks as unknown as LocalTracks,
    onRemoteStream: (stream) => s.streams.push(stream),
    onLinkState: (link) => s.links.push(link),
    onConnected: () => s.connected++,
    log: s.log,
    ...options,
  });
  sides.push(s);
  return s;
}

/** Delivers what `from` sent so far to `to`, in order (the server relays signals one by one). */
export async function deliver(from: Side, to: Side): Promise<void> {
  for (const m of from.sent.splice(0)) to.peer.signal(m);
  await flush();
}

/** call:start on both sides (the doctor was there first), offer and answer, then media flows. */
export async function connect(doctor: Side, patient: Side): Promise<void> {
  patient.peer.start(false);
  doctor.peer.start(true);
  await flush();
  await deliver(doctor, patient);
  await deliver(patient, doctor);
  for (const s of [doctor, patient]) {
    s.pc().setConnection('connected');
    s.pc().receive('audio');
    s.pc().receive('video');
  }
}

export const descriptions = (s: Side) => s.sent.filter((m) => m.description).map((m) => m.description!.type);
export const logged = (s: Side, text: string) => s.log.mock.calls.some(([message]) => String(message).includes(text));

/** Fake timers, WebRTC and MediaStream for every test of the file; every side destroyed after each. */
export function withFakeWebRtc(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    vi.stubGlobal('MediaStream', FakeMediaStream);
    FakePeerConnection.all = [];
    sides = [];
  });
  afterEach(() => {
    for (const s of sides) s.peer.destroy();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
