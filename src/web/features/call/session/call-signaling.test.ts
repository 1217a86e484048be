import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush } from '#web/features/call/testing/fake-media.ts';
import { signalingSetup } from '#web/features/call/testing/signaling-setup.ts';

const CODE = 'abc-defg-hij';
const joinResult = (over: Record<string, unknown> = {}) => ({
  role: 'patient',
  admitted: false,
  peer: { userId: 'd1', name: 'Helena', state: 'offline' },
  consultationStartedAt: null,
  chat: [],
  ...over,
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('CallSignaling: joining', () => {
  it('joins at once on a connected socket, then sends its media state and opens the join gate', async () => {
    const t = signalingSetup('patient', { newestChat: '2026-01-01T10:00:00.000Z' });
    t.signaling.start();
    expect(t.types()).toEqual(['online']);
    expect(t.socket.sent('room:join')).toEqual([{ code: CODE, chatAfter: '2026-01-01T10:00:00.000Z' }]);
    t.socket.reply('room:join', { ok: true, data: joinResult() });
    await flush();
    expect(t.types()).toEqual(['online', 'joined']);
    expect(t.joined.isOpen).toBe(true);
    expect(t.socket.sent('media:state')).toEqual([{ code: CODE, audio: true, video: false, screen: false }]);
    expect(t.hooks.onPatientWaiting).not.toHaveBeenCalled();
  });

  it('waits for the connection, and joins again on every connect', async () => {
    const t = signalingSetup('patient', { connected: false });
    t.signaling.start();
    expect(t.socket.sent('room:join')).toEqual([]);
    t.socket.connected = true;
    t.socket.serverSends('connect');
    expect(t.types()).toEqual(['online']);
    expect(t.socket.sent('room:join')).toEqual([{ code: CODE }]);
  });

  it('tells the doctor who is waiting when she joins', async () => {
    const t = signalingSetup('doctor');
    t.signaling.start();
    t.socket.reply('room:join', { ok: true, data: joinResult({ role: 'doctor', peer: { userId: 'p1', name: 'Maria Souza', state: 'waiting' } }) });
    await flush();
    expect(t.hooks.onPatientWaiting).toHaveBeenCalledWith('Maria Souza');
  });

  it('tries again 2 s after a join that timed out, while connected', async () => {
    const t = signalingSetup();
    t.signaling.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.socket.sent('room:join')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.socket.sent('room:join')).toHaveLength(2);
    expect(t.types()).toEqual(['online']);
  });

  it('a closed room destroys the peer and ends the page; a missing consent sends the patient to it', async () => {
    const t = signalingSetup();
    t.signaling.start();
    t.socket.reply('room:join', { ok: false, error: { code: 'room_closed', message: 'Encerrada' } });
    await flush();
    expect(t.peer.destroy).toHaveBeenCalled();
    expect(t.hooks.onClosed).toHaveBeenCalled();
    expect(t.actions.at(-1)).toEqual({ type: 'join-failed', error: { code: 'room_closed', message: 'Encerrada' } });
    t.socket.serverSends('connect');
    t.socket.reply('room:join', { ok: false, error: { code: 'consent_required', message: 'Aceite' } });
    await flush();
    expect(t.hooks.onConsentRequired).toHaveBeenCalled();
  });

  it('says why the server refused the connection, once it stops trying', () => {
    const t = signalingSetup();
    t.signaling.start();
    t.socket.serverSends('connect_error', Object.assign(new Error('x'), { data: { code: 'too_many', message: 'Muitas abas' } }));
    expect(t.types()).toEqual(['online']);
    t.socket.active = false;
    t.socket.serverSends('connect_error', Object.assign(new Error('x'), { data: { code: 'too_many', message: 'Muitas abas' } }));
    t.socket.serverSends('connect_error', new Error('x'));
    expect(t.actions.slice(1)).toEqual([
      { type: 'join-failed', error: { code: 'too_many', message: 'Muitas abas' } },
      { type: 'join-failed', error: { code: 'unauthenticated', message: 'Sua sessão terminou. Entre de novo para voltar à consulta.' } },
    ]);
  });

  it('on disconnect: offline, the join gate closes, the peer keeps its media but pauses', async () => {
    const t = signalingSetup();
    t.signaling.start();
    t.socket.reply('room:join', { ok: true, data: joinResult() });
    await flush();
    t.socket.serverSends('disconnect');
    expect(t.actions.at(-1)).toEqual({ type: 'online', online: false });
    expect(t.joined.isOpen).toBe(false);
    expect(t.peer.pause).toHaveBeenCalled();
    expect(t.peer.hangUp).not.toHaveBeenCalled();
  });
});

describe('CallSignaling: leaving', () => {
  it('stop() leaves the room, destroys the peer and removes only its own listeners; late answers are ignored', async () => {
    const t = signalingSetup();
    const other = vi.fn();
    t.socket.on('presence', other);
    t.signaling.start();
    expect(t.socket.listeners('presence')).toBe(2);
    t.signaling.stop();
    expect(t.socket.sent('room:leave')).toEqual([{ code: CODE }]);
    expect(t.peer.destroy).toHaveBeenCalled();
    expect(t.socket.listeners('presence')).toBe(1);
    expect(t.socket.listeners('connect')).toBe(0);
    t.socket.reply('room:join', { ok: true, data: joinResult() });
    await flush();
    expect(t.types()).toEqual(['online']);
    expect(t.joined.isOpen).toBe(false);
  });

  it('does not emit room:leave on a dead socket', () => {
    const t = signalingSetup('patient', { connected: false });
    t.signaling.start();
    t.signaling.stop();
    expect(t.socket.sent('room:leave')).toEqual([]);
  });
});
