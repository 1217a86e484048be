import { describe, expect, it } from 'vitest';
import type { JoinResult } from '#shared/realtime/events.ts';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import { INITIAL_SESSION, mergeMessages, sessionReducer } from './session-reducer';
import type { SessionAction, SessionState } from './session-reducer';

const message = (id: string, sentAt: string, text = id): ChatMessage => ({ id, roomCode: 'abc', fromUserId: 'u1', fromName: 'Ana', text, sentAt });

const joined = (over: Partial<JoinResult> = {}): JoinResult => ({
  role: 'patient',
  admitted: false,
  peer: { userId: 'd1', name: 'Helena Duarte', state: 'in_call' },
  consultationStartedAt: null,
  chat: [],
  ...over,
});

const run = (...actions: SessionAction[]): SessionState => actions.reduce(sessionReducer, INITIAL_SESSION);

describe('sessionReducer', () => {
  it('starts joining, offline, with no peer and idle media', () => {
    expect(INITIAL_SESSION).toMatchObject({ phase: 'joining', online: false, peer: null, link: 'idle', messages: [] });
  });

  it('joins the waiting room, or the call when admitted; a join clears an earlier error', () => {
    expect(run({ type: 'joined', result: joined() }).phase).toBe('waiting');
    const state = run(
      { type: 'join-failed', error: { code: 'timeout', message: 'x' } },
      { type: 'joined', result: joined({ admitted: true, consultationStartedAt: '2026-01-01T10:00:00.000Z' }) },
    );
    expect(state).toMatchObject({ phase: 'in_call', error: null, startedAt: '2026-01-01T10:00:00.000Z', peer: { name: 'Helena Duarte' } });
    // A rejoin without a start time keeps the one it knew.
    expect(sessionReducer(state, { type: 'joined', result: joined({ admitted: true }) }).startedAt).toBe('2026-01-01T10:00:00.000Z');
  });

  it('merges chat from rejoins by id, oldest first', () => {
    const a = message('a', '2026-01-01T10:00:00.000Z');
    const b = message('b', '2026-01-01T10:01:00.000Z');
    const state = run({ type: 'message', message: b }, { type: 'joined', result: joined({ chat: [a, { ...b, text: 'edited' }] }) });
    expect(state.messages.map((m) => [m.id, m.text])).toEqual([
      ['a', 'a'],
      ['b', 'edited'],
    ]);
    expect(mergeMessages([], [])).toEqual([]);
  });

  it('fails to join with the server’s reason, except a closed room, which ends the call', () => {
    expect(run({ type: 'join-failed', error: { code: 'no_access', message: 'Sem acesso' } })).toMatchObject({ phase: 'failed', error: { code: 'no_access' } });
    expect(run({ type: 'join-failed', error: { code: 'room_closed', message: '' } })).toMatchObject({ phase: 'closed', closedReason: 'finalized' });
  });

  it('admits only from the waiting room', () => {
    expect(run({ type: 'joined', result: joined() }, { type: 'admitted' }).phase).toBe('in_call');
    expect(run({ type: 'admitted' }).phase).toBe('joining');
  });

  it('follows the other member’s presence, keeping the name it knew when none comes', () => {
    const state = run({ type: 'joined', result: joined() }, { type: 'presence', userId: 'd1', name: '', state: 'reconnecting' });
    expect(state.peer).toEqual({ userId: 'd1', name: 'Helena Duarte', state: 'reconnecting' });
    expect(run({ type: 'presence', userId: 'd2', name: '', state: 'left' }).peer).toEqual({ userId: 'd2', name: '', state: 'left' });
  });

  it('records link, remote stream and media, start time, online state and notices', () => {
    const stream = {} as MediaStream;
    const state = run(
      { type: 'online', online: true },
      { type: 'link', link: 'connected' },
      { type: 'remote-stream', stream },
      { type: 'remote-media', media: { audio: false, video: true, screen: true } },
      { type: 'started', startedAt: '2026-01-01T10:00:00.000Z' },
      { type: 'notice', notice: 'Muitas conexões' },
    );
    expect(state).toMatchObject({
      online: true,
      link: 'connected',
      remoteStream: stream,
      remoteMedia: { audio: false, screen: true },
      startedAt: '2026-01-01T10:00:00.000Z',
      notice: 'Muitas conexões',
    });
    expect(sessionReducer(state, { type: 'notice', notice: null }).notice).toBeNull();
  });

  it('closes for good: drops the media, ignores everything but the last chat messages', () => {
    const state = run({ type: 'link', link: 'connected' }, { type: 'remote-stream', stream: {} as MediaStream }, { type: 'closed', reason: 'reset' });
    expect(state).toMatchObject({ phase: 'closed', closedReason: 'reset', remoteStream: null, link: 'idle' });
    expect(sessionReducer(state, { type: 'online', online: false })).toBe(state);
    expect(sessionReducer(state, { type: 'joined', result: joined({ admitted: true }) })).toBe(state);
    expect(sessionReducer(state, { type: 'message', message: message('z', '2026-01-01T11:00:00.000Z') }).messages).toHaveLength(1);
  });
});
