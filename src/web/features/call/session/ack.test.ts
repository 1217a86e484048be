import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinGate, ackPromise } from './ack';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ackPromise', () => {
  it('resolves with the data, rejects with the server’s error, or with a timeout in plain words', async () => {
    await expect(ackPromise<number>((ack) => ack({ ok: true, data: 1 }))).resolves.toBe(1);
    await expect(ackPromise<number>((ack) => ack({ ok: false, error: { code: 'no', message: 'Não' } }))).rejects.toEqual({ code: 'no', message: 'Não' });
    const late = ackPromise<number>(() => undefined, 500);
    const check = expect(late).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(500);
    await check;
  });
});

describe('JoinGate', () => {
  it('lets a waiter through when the room is joined, or fails it after the wait', async () => {
    const gate = new JoinGate();
    const offline = { code: 'offline', message: 'Sem conexão' };
    const waiting = gate.wait(1000, offline);
    gate.open();
    await expect(waiting).resolves.toBeUndefined();
    expect(gate.isOpen).toBe(true);
    gate.close();
    expect(gate.isOpen).toBe(false);
    const late = gate.wait(1000, offline);
    const check = expect(late).rejects.toEqual(offline);
    await vi.advanceTimersByTimeAsync(1000);
    await check;
  });
});
