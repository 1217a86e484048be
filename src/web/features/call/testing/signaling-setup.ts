import { vi } from 'vitest';
import type { CallPeerOptions } from '#web/features/call/media/call-peer-types.ts';
import type { SessionAction } from '#web/features/call/model/session-reducer.ts';
import { JoinGate } from '#web/features/call/session/ack.ts';
import { CallSignaling } from '#web/features/call/session/call-signaling.ts';
import type { SessionHooks } from '#web/features/call/session/signaling-types.ts';
import { FakeSocket, fakePeer } from './fake-socket';

/** A CallSignaling on a fake socket with a fake peer; `actions` holds what it dispatched. */
export function signalingSetup(role: 'doctor' | 'patient' = 'patient', over: { connected?: boolean; newestChat?: string } = {}) {
  const socket = new FakeSocket();
  socket.connected = over.connected ?? true;
  const peer = fakePeer();
  const actions: SessionAction[] = [];
  const joined = new JoinGate();
  const hooks: SessionHooks = {
    myUserId: 'me',
    localTracks: () => ({ audio: null, video: null }),
    mediaState: () => ({ audio: true, video: false, screen: false }),
    onPatientWaiting: vi.fn(),
    onMessage: vi.fn(),
    onClosed: vi.fn(),
    onConsentRequired: vi.fn(),
  };
  let peerOptions: CallPeerOptions | null = null;
  const signaling = new CallSignaling({
    socket: socket.asSocket,
    code: 'abc-defg-hij',
    role,
    dispatch: (action) => actions.push(action),
    hooks: () => hooks,
    joined,
    newestChat: () => over.newestChat,
    getIceServers: async () => [],
    createPeer: (options) => {
      peerOptions = options;
      return peer;
    },
  });
  return { socket, peer, actions, joined, hooks, signaling, peerOptions: () => peerOptions!, types: () => actions.map((a) => a.type) };
}
