import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpIntl } from './warm-up-intl';

describe('warmUpIntl', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs each step in a task of its own, never in the caller’s task', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const caseChange = vi.spyOn(String.prototype, 'toLocaleLowerCase');
    const done = warmUpIntl();
    // Nothing ran in the caller's task: the first step waits for the next one.
    expect(timers).toHaveBeenCalledTimes(1);
    expect(caseChange).not.toHaveBeenCalled();
    await done;
    expect(caseChange).toHaveBeenCalledWith('pt-BR');
    // One yield per step (Node has no scheduler.yield, so each is a zero timer).
    expect(timers.mock.calls.filter(([, ms]) => ms === 0)).toHaveLength(3);
  });
});
