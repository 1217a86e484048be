import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceRegistry } from './presence';

const CODE = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER = 'BBBBBBBBBBBBBBBBBBBBBB';
const GRACE = 5_000;

let expired: [string, string][];
let registry: PresenceRegistry;

beforeEach(() => {
  vi.useFakeTimers();
  expired = [];
  registry = new PresenceRegistry(GRACE, (code, userId) => expired.push([code, userId]));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PresenceRegistry: several sockets per person', () => {
  it('is offline for someone it never saw', () => {
    expect(registry.state(CODE, 'u1')).toBe('offline');
    expect(registry.isOnline(CODE, 'u1')).toBe(false);
    expect(registry.since(CODE, 'u1')).toBe(Number.POSITIVE_INFINITY);
    expect(registry.activeCodes()).toEqual([]);
  });

  it('keeps a person online while any of their sockets is in the room', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    registry.join(CODE, 'u1', 's2', 'in_call');
    expect(registry.isOnline(CODE, 'u1')).toBe(true);

    expect(registry.leave(CODE, 'u1', 's1', true)).toBeNull();
    expect(registry.state(CODE, 'u1')).toBe('in_call');
    expect(registry.isOnline(CODE, 'u1')).toBe(true);

    expect(registry.leave(CODE, 'u1', 's2', false)).toBe('left');
    expect(registry.state(CODE, 'u1')).toBe('left');
    expect(registry.isOnline(CODE, 'u1')).toBe(false);
  });

  it('ignores a socket it does not know, and one leaving twice', () => {
    registry.join(CODE, 'u1', 's1', 'waiting');
    expect(registry.leave(CODE, 'u1', 'unknown', true)).toBeNull();
    expect(registry.leave(OTHER, 'u1', 's1', true)).toBeNull();
    expect(registry.leave(CODE, 'u1', 's1', false)).toBe('left');
    expect(registry.leave(CODE, 'u1', 's1', false)).toBeNull();
  });

  it('tracks rooms separately and lists only rooms with someone connected', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    registry.join(OTHER, 'u2', 's2', 'waiting');
    expect(registry.activeCodes().sort()).toEqual([CODE, OTHER].sort());
    registry.leave(OTHER, 'u2', 's2', false);
    expect(registry.activeCodes()).toEqual([CODE]);
    expect(registry.state(OTHER, 'u1')).toBe('offline');
  });

  it('moves from waiting to in_call and records when', () => {
    vi.setSystemTime(1_000);
    registry.join(CODE, 'u1', 's1', 'waiting');
    expect(registry.since(CODE, 'u1')).toBe(1_000);
    vi.setSystemTime(2_000);
    registry.setState(CODE, 'u1', 'waiting');
    expect(registry.since(CODE, 'u1')).toBe(1_000);
    registry.setState(CODE, 'u1', 'in_call');
    expect(registry.state(CODE, 'u1')).toBe('in_call');
    expect(registry.since(CODE, 'u1')).toBe(2_000);
    // A second tab joining in the same state does not reset the clock.
    vi.setSystemTime(3_000);
    registry.join(CODE, 'u1', 's2', 'in_call');
    expect(registry.since(CODE, 'u1')).toBe(2_000);
  });

  it('setState does nothing for someone not in the room', () => {
    registry.setState(CODE, 'ghost', 'in_call');
    expect(registry.state(CODE, 'ghost')).toBe('offline');
  });
});

describe('PresenceRegistry: grace period after a dropped connection', () => {
  it('shows reconnecting, then offline after the grace period, and calls onExpire once', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    expect(registry.leave(CODE, 'u1', 's1', true)).toBe('reconnecting');
    expect(registry.state(CODE, 'u1')).toBe('reconnecting');
    vi.advanceTimersByTime(GRACE - 1);
    expect(registry.state(CODE, 'u1')).toBe('reconnecting');
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(registry.state(CODE, 'u1')).toBe('offline');
    expect(expired).toEqual([[CODE, 'u1']]);
    vi.advanceTimersByTime(GRACE * 10);
    expect(expired).toHaveLength(1);
  });

  it('coming back within the grace period cancels the timer', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    registry.leave(CODE, 'u1', 's1', true);
    vi.advanceTimersByTime(GRACE / 2);
    registry.join(CODE, 'u1', 's2', 'in_call');
    expect(registry.state(CODE, 'u1')).toBe('in_call');
    vi.advanceTimersByTime(GRACE * 2);
    expect(registry.state(CODE, 'u1')).toBe('in_call');
    expect(expired).toEqual([]);
  });

  it('a second drop restarts the grace period', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    registry.leave(CODE, 'u1', 's1', true);
    vi.advanceTimersByTime(GRACE - 100);
    registry.join(CODE, 'u1', 's2', 'in_call');
    registry.leave(CODE, 'u1', 's2', true);
    vi.advanceTimersByTime(GRACE - 100);
    expect(registry.state(CODE, 'u1')).toBe('reconnecting');
    vi.advanceTimersByTime(100);
    expect(expired).toEqual([[CODE, 'u1']]);
  });

  it('a deliberate leave shows left at once and starts no timer', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    expect(registry.leave(CODE, 'u1', 's1', false)).toBe('left');
    vi.advanceTimersByTime(GRACE * 2);
    expect(registry.state(CODE, 'u1')).toBe('left');
    expect(expired).toEqual([]);
  });
});

describe('PresenceRegistry: drop', () => {
  it('forgets the room and cancels pending grace timers', () => {
    registry.join(CODE, 'u1', 's1', 'in_call');
    registry.join(CODE, 'u2', 's2', 'in_call');
    registry.join(OTHER, 'u3', 's3', 'in_call');
    registry.leave(CODE, 'u1', 's1', true);
    registry.drop(CODE);
    expect(registry.state(CODE, 'u1')).toBe('offline');
    expect(registry.state(CODE, 'u2')).toBe('offline');
    expect(registry.isOnline(CODE, 'u2')).toBe(false);
    expect(registry.activeCodes()).toEqual([OTHER]);
    vi.advanceTimersByTime(GRACE * 2);
    expect(expired).toEqual([]);
    expect(registry.state(OTHER, 'u3')).toBe('in_call');
  });

  it('dropping an unknown room is harmless', () => {
    expect(() => registry.drop(OTHER)).not.toThrow();
  });
});
