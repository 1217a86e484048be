import { describe, expect, it } from 'vitest';
import { type NodeView, mergePresence } from './room-state';

const GRACE = 2_000;
const NOW = 1_000_000;
/** How long a view with sockets holds after its node's last refresh. */
const FRESH = 10_000;
const view = (v: Partial<NodeView>): NodeView => ({ s: 'in_call', t: NOW - 5_000, n: 1, f: NOW + 5_000, ...v });

describe('mergePresence: one person seen from several nodes', () => {
  it('is offline when no node has seen them', () => {
    expect(mergePresence([], NOW, GRACE, FRESH)).toBe('offline');
  });

  it('any live socket wins, in the call over the waiting room', () => {
    expect(mergePresence([view({ s: 'waiting' })], NOW, GRACE, FRESH)).toBe('waiting');
    expect(mergePresence([view({ s: 'waiting' }), view({ s: 'in_call' })], NOW, GRACE, FRESH)).toBe('in_call');
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW }), view({ s: 'waiting' })], NOW, GRACE, FRESH)).toBe('waiting');
  });

  it('a node that stopped refreshing (it died) shows its members reconnecting for the grace period, then offline', () => {
    expect(mergePresence([view({ f: NOW - 1 })], NOW, GRACE, FRESH)).toBe('reconnecting');
    expect(mergePresence([view({ f: NOW - GRACE })], NOW, GRACE, FRESH)).toBe('offline');
    // Back through another node: that node's live view wins at once.
    expect(mergePresence([view({ f: NOW - GRACE * 10 }), view({ s: 'in_call' })], NOW, GRACE, FRESH)).toBe('in_call');
  });

  it('back through another node and then gone on purpose: the later "left" wins over the dead node, dated at its last refresh', () => {
    // Node A last refreshed at NOW - 1 - FRESH; the person left on node B well after that.
    const dead = view({ f: NOW - 1 });
    expect(mergePresence([dead, view({ s: 'left', n: 0, t: NOW - 100 })], NOW, GRACE, FRESH)).toBe('left');
    expect(mergePresence([dead, view({ s: 'left', n: 0, t: NOW - 100 })], NOW + GRACE, GRACE, FRESH)).toBe('left');
    // Left before node A's last refresh: node A's word is newer.
    expect(mergePresence([dead, view({ s: 'left', n: 0, t: NOW - 1 - FRESH - 100 })], NOW, GRACE, FRESH)).toBe('reconnecting');
  });

  it('without sockets, the newest word holds: left, or reconnecting until its own deadline', () => {
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW - 10 })], NOW, GRACE, FRESH)).toBe('left');
    expect(mergePresence([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW, GRACE, FRESH)).toBe('reconnecting');
    // Its node died before saying "offline".
    expect(mergePresence([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW })], NOW, GRACE, FRESH)).toBe('offline');
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW - 100 }), view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW, GRACE, FRESH)).toBe(
      'reconnecting',
    );
  });
});
