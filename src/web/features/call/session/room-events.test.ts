import { describe, expect, it, vi } from 'vitest';
import { flush } from '#web/features/call/testing/fake-media.ts';
import { signalingSetup } from '#web/features/call/testing/signaling-setup.ts';

const CODE = 'abc-defg-hij';
const OTHER = 'zzz-zzzz-zzz';

function started(role: 'doctor' | 'patient' = 'patient') {
  const t = signalingSetup(role);
  t.signaling.start();
  t.actions.length = 0;
  return t;
}

describe('room events', () => {
  it('presence: "left" hangs up, "offline" hangs up only without media, "reconnecting" pauses', () => {
    const t = started();
    const presence = (state: string, over: Record<string, unknown> = {}) =>
      t.socket.serverSends('presence', { code: CODE, userId: 'd1', role: 'doctor', name: 'Helena', state, ...over });
    presence('left', { code: OTHER });
    presence('left', { userId: 'me' });
    expect(t.actions).toEqual([]);
    presence('reconnecting');
    expect(t.peer.pause).toHaveBeenCalledTimes(1);
    t.peer.state = 'connected';
    presence('offline');
    expect(t.peer.pause).toHaveBeenCalledTimes(2);
    expect(t.peer.hangUp).not.toHaveBeenCalled();
    t.peer.state = 'connecting';
    presence('offline');
    presence('left');
    expect(t.peer.hangUp).toHaveBeenCalledTimes(2);
    expect(t.actions.at(-1)).toEqual({ type: 'presence', userId: 'd1', name: 'Helena', state: 'left' });
  });

  it('a patient arriving in the waiting room chimes for the doctor', () => {
    const t = started('doctor');
    t.socket.serverSends('presence', { code: CODE, userId: 'p1', role: 'patient', name: 'Maria', state: 'waiting' });
    expect(t.hooks.onPatientWaiting).toHaveBeenCalledWith('Maria');
  });

  it('admission, call start and relayed signals reach the session and the peer (this room only)', () => {
    const t = started();
    t.socket.serverSends('room:admitted', { code: OTHER });
    t.socket.serverSends('room:admitted', { code: CODE });
    expect(t.actions).toEqual([{ type: 'admitted' }]);
    t.socket.serverSends('call:start', { code: OTHER, initiator: true });
    t.socket.serverSends('call:start', { code: CODE, initiator: false });
    expect(t.peer.start).toHaveBeenCalledExactlyOnceWith(false);
    expect(t.socket.sent('media:state')).toHaveLength(1);
    const description = { type: 'offer', sdp: 'v=0' };
    t.socket.serverSends('signal', { code: OTHER, from: 'd1', description });
    t.socket.serverSends('signal', { code: CODE, from: 'd1', description });
    t.socket.serverSends('signal', { code: CODE, from: 'd1', candidate: { candidate: 'c' } });
    t.socket.serverSends('signal', { code: CODE, from: 'd1', candidate: null });
    expect(vi.mocked(t.peer.signal).mock.calls).toEqual([[{ description }], [{ candidate: { candidate: 'c' } }], [{}]]);
  });

  it('the other side’s media, chat, start time, closing and fatal notices', () => {
    const t = started();
    t.socket.serverSends('media:state', { code: CODE, userId: 'me', audio: false, video: false, screen: false });
    t.socket.serverSends('media:state', { code: CODE, userId: 'd1', audio: false, video: true, screen: true });
    const message = { id: 'm1', roomCode: CODE, fromUserId: 'd1', fromName: 'Helena', text: 'Oi', sentAt: '2026-01-01T10:00:00.000Z' };
    t.socket.serverSends('chat:message', { ...message, roomCode: OTHER });
    t.socket.serverSends('chat:message', message);
    t.socket.serverSends('consultation:started', { code: OTHER, startedAt: 'x' });
    t.socket.serverSends('consultation:started', { code: CODE, startedAt: '2026-01-01T10:00:00.000Z' });
    t.socket.serverSends('error:fatal', { code: 'flood', message: 'Devagar' });
    t.socket.serverSends('room:closed', { code: OTHER, reason: 'auto' });
    t.socket.serverSends('room:closed', { code: CODE, reason: 'finalized' });
    expect(t.actions).toEqual([
      { type: 'remote-media', media: { audio: false, video: true, screen: true } },
      { type: 'message', message },
      { type: 'started', startedAt: '2026-01-01T10:00:00.000Z' },
      { type: 'notice', notice: 'Devagar' },
      { type: 'closed', reason: 'finalized' },
    ]);
    expect(t.hooks.onMessage).toHaveBeenCalledExactlyOnceWith(message);
    expect(t.peer.destroy).toHaveBeenCalledTimes(1);
    expect(t.hooks.onClosed).toHaveBeenCalledTimes(1);
  });
});

describe('commands', () => {
  it('admit, chat and finalize go through acks; chat adds the sent message to the session', async () => {
    const t = started('doctor');
    const admitted = t.signaling.admit();
    t.socket.reply('room:admit', { ok: true, data: null });
    await expect(admitted).resolves.toBeNull();
    const sent = t.signaling.sendChat('Bom dia');
    const message = { id: 'm2', roomCode: CODE, fromUserId: 'me', fromName: 'Ana', text: 'Bom dia', sentAt: '2026-01-01T10:00:00.000Z' };
    t.socket.reply('chat:send', { ok: true, data: message });
    await expect(sent).resolves.toEqual(message);
    expect(t.actions).toEqual([{ type: 'message', message }]);
    const finalized = t.signaling.finalize();
    t.socket.reply('room:finalize', { ok: false, error: { code: 'not_started', message: 'Ainda não começou' } });
    await expect(finalized).rejects.toEqual({ code: 'not_started', message: 'Ainda não começou' });
  });

  it('chat and finalize fail at once, in words, without a connection', async () => {
    const t = started();
    t.socket.connected = false;
    await expect(t.signaling.sendChat('x')).rejects.toMatchObject({ code: 'offline', message: 'Sem conexão com o servidor. A mensagem não foi enviada.' });
    await expect(t.signaling.finalize()).rejects.toMatchObject({ code: 'offline', message: 'Sem conexão com o servidor. Tente de novo em instantes.' });
  });

  it('publishes new tracks to the peer and the media state to the other side', async () => {
    const t = started();
    const audio = {} as MediaStreamTrack;
    t.signaling.publishMedia({ audio, video: null });
    expect(t.peer.replaceTrack).toHaveBeenCalledWith('audio', audio);
    expect(t.peer.replaceTrack).toHaveBeenCalledWith('video', null);
    expect(t.socket.sent('media:state')).toEqual([{ code: CODE, audio: true, video: false, screen: false }]);
    t.socket.connected = false;
    t.signaling.publishMedia({ audio: null, video: null });
    expect(t.socket.sent('media:state')).toHaveLength(1);
  });

  it('the peer’s signals, stream, link and "connected" go to the server and the session', async () => {
    const t = started();
    const options = t.peerOptions();
    expect(options.polite).toBe(true);
    options.sendSignal({ candidate: { candidate: 'c' } });
    expect(t.socket.sent('signal')).toEqual([{ code: CODE, candidate: { candidate: 'c' } }]);
    t.socket.reply('signal', { ok: false, error: { code: 'rate', message: 'x' } });
    options.onRemoteStream(null);
    options.onLinkState('connected');
    options.onConnected();
    t.socket.reply('call:connected', { ok: true, data: { startedAt: '2026-01-01T10:00:00.000Z' } });
    options.onConnected();
    t.socket.reply('call:connected', { ok: true, data: { startedAt: null } });
    expect(t.actions).toEqual([
      { type: 'remote-stream', stream: null },
      { type: 'link', link: 'connected' },
      { type: 'started', startedAt: '2026-01-01T10:00:00.000Z' },
    ]);
    expect(options.localTracks()).toEqual({ audio: null, video: null });
    t.socket.connected = false;
    options.sendSignal({ candidate: null });
    expect(t.socket.sent('signal')).toHaveLength(1);
    await flush();
  });
});
