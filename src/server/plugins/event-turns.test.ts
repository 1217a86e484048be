import { describe, expect, it } from 'vitest';
import { eventTurns } from './event-turns';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('eventTurns', () => {
  it('runs a lone event at once', () => {
    const ran: number[] = [];
    eventTurns(() => true)(() => ran.push(1));
    expect(ran).toEqual([1]);
  });

  it('runs a burst one event per turn of the loop, in order', async () => {
    const ran: number[] = [];
    const take = eventTurns(() => true);
    for (let i = 1; i <= 3; i += 1) take(() => ran.push(i));
    expect(ran).toEqual([1]);
    await nextTurn();
    expect(ran).toEqual([1, 2]);
    await nextTurn();
    expect(ran).toEqual([1, 2, 3]);
  });

  it("lets other connections' events run between a burst's events", async () => {
    const ran: string[] = [];
    const flooder = eventTurns(() => true);
    const quiet = eventTurns(() => true);
    for (let i = 0; i < 3; i += 1) flooder(() => ran.push('flood'));
    setImmediate(() => quiet(() => ran.push('quiet')));
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(ran.indexOf('quiet')).toBeLessThan(ran.lastIndexOf('flood'));
  });

  it('drops what was queued once the connection ends', async () => {
    let open = true;
    const ran: number[] = [];
    const take = eventTurns(() => open);
    for (let i = 1; i <= 3; i += 1) take(() => ran.push(i));
    open = false;
    await nextTurn();
    await nextTurn();
    expect(ran).toEqual([1]);
    open = true;
    take(() => ran.push(4));
    await nextTurn();
    expect(ran).toEqual([1, 4]);
  });
});
