import { describe, expect, it } from 'vitest';
import { type DeadNodes, type NodeView, mergePresence, viewHoldsSockets } from './room-state';

const GRACE = 2_000;
const NOW = 1_000_000;
/** How long a view with sockets holds after its node's last refresh. */
const FRESH = 10_000;
const view = (v: Partial<NodeView>): NodeView => ({ s: 'in_call', t: NOW - 5_000, n: 1, f: NOW + 5_000, ...v });
/** Node A's view, then node B's, and so on: each view from its own node. */
const byNode = (...views: NodeView[]) => views.map((v, i): [string, NodeView] => [String.fromCharCode(97 + i), v]);
const ALL_ALIVE: DeadNodes = new Map();
/** The merge when every node is alive, as before nodes had a liveness. */
const merge = (views: NodeView[], now: number) => mergePresence(byNode(...views), now, GRACE, FRESH, ALL_ALIVE);

describe('mergePresence: one person seen from several nodes', () => {
  it('is offline when no node has seen them', () => {
    expect(merge([], NOW)).toBe('offline');
  });

  it('any live socket wins, in the call over the waiting room', () => {
    expect(merge([view({ s: 'waiting' })], NOW)).toBe('waiting');
    expect(merge([view({ s: 'waiting' }), view({ s: 'in_call' })], NOW)).toBe('in_call');
    expect(merge([view({ s: 'left', n: 0, t: NOW }), view({ s: 'waiting' })], NOW)).toBe('waiting');
  });

  it('a node that stopped refreshing (it died) shows its members reconnecting for the grace period, then offline', () => {
    expect(merge([view({ f: NOW - 1 })], NOW)).toBe('reconnecting');
    expect(merge([view({ f: NOW - GRACE })], NOW)).toBe('offline');
    // Back through another node: that node's live view wins at once.
    expect(merge([view({ f: NOW - GRACE * 10 }), view({ s: 'in_call' })], NOW)).toBe('in_call');
  });

  it('back through another node and then gone on purpose: the later "left" wins over the dead node, dated at its last refresh', () => {
    // Node A last refreshed at NOW - 1 - FRESH; the person left on node B well after that.
    const dead = view({ f: NOW - 1 });
    expect(merge([dead, view({ s: 'left', n: 0, t: NOW - 100 })], NOW)).toBe('left');
    expect(merge([dead, view({ s: 'left', n: 0, t: NOW - 100 })], NOW + GRACE)).toBe('left');
    // Left before node A's last refresh: node A's word is newer.
    expect(merge([dead, view({ s: 'left', n: 0, t: NOW - 1 - FRESH - 100 })], NOW)).toBe('reconnecting');
  });

  it('without sockets, the newest word holds: left, or reconnecting until its own deadline', () => {
    expect(merge([view({ s: 'left', n: 0, t: NOW - 10 })], NOW)).toBe('left');
    expect(merge([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW)).toBe('reconnecting');
    // Its node died before saying "offline".
    expect(merge([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW })], NOW)).toBe('offline');
    expect(merge([view({ s: 'left', n: 0, t: NOW - 100 }), view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW)).toBe('reconnecting');
  });
});

describe('mergePresence with the nodes’ liveness', () => {
  /** Node A's view of someone in the call, last refreshed 6 s ago: `f` says it holds 4 s more. */
  const fromA = view({ s: 'in_call', n: 1, t: NOW - 60_000, f: NOW + FRESH - 6_000 });
  /** Node A's liveness lapsed a second ago (it beat with that last refresh, alive for 5 s). */
  const LAPSED = NOW - 6_000 + 5_000;
  const A_DEAD: DeadNodes = new Map([['a', LAPSED]]);

  it('a dead node’s view with sockets and `f` still ahead no longer wins over a newer "left"; a live node’s view still does', () => {
    // Back through node B, then gone on purpose a second ago.
    const views = byNode(fromA, view({ s: 'left', n: 0, t: NOW - 1_000, f: NOW + GRACE }));
    expect(mergePresence(views, NOW, GRACE, FRESH, A_DEAD)).toBe('left');
    expect(mergePresence(views, NOW, GRACE, FRESH, ALL_ALIVE)).toBe('in_call');
    // Another node's death changes nothing about node A's view.
    expect(mergePresence(views, NOW, GRACE, FRESH, new Map([['c', LAPSED]]))).toBe('in_call');
  });

  it('a dead node’s view is dated at its last refresh: a "left" said before that still loses to it', () => {
    const views = byNode(fromA, view({ s: 'left', n: 0, t: fromA.f - FRESH - 100, f: NOW + GRACE }));
    expect(mergePresence(views, NOW, GRACE, FRESH, A_DEAD)).toBe('reconnecting');
  });

  it('alone, a dead node’s view shows its member reconnecting for the grace period from when the node lapsed (not from `f`), then offline', () => {
    expect(mergePresence(byNode(fromA), NOW, GRACE, FRESH, A_DEAD)).toBe('reconnecting');
    expect(mergePresence(byNode(fromA), LAPSED + GRACE - 1, GRACE, FRESH, A_DEAD)).toBe('reconnecting');
    expect(mergePresence(byNode(fromA), LAPSED + GRACE, GRACE, FRESH, A_DEAD)).toBe('offline');
    expect(LAPSED + GRACE).toBeLessThan(fromA.f);
    // A node known dead only after its view expired: the view's own expiry counts, as before.
    expect(mergePresence(byNode(fromA), fromA.f + GRACE, GRACE, FRESH, new Map([['a', fromA.f + 1_000]]))).toBe('offline');
  });

  it('a dead node’s "in the call" no longer outranks a live node’s waiting room, and holds no socket', () => {
    const views = byNode(fromA, view({ s: 'waiting', n: 1, t: NOW - 500 }));
    expect(mergePresence(views, NOW, GRACE, FRESH, A_DEAD)).toBe('waiting');
    expect(mergePresence(views, NOW, GRACE, FRESH, ALL_ALIVE)).toBe('in_call');
    expect(viewHoldsSockets('a', fromA, NOW, A_DEAD)).toBe(false);
    expect(viewHoldsSockets('a', fromA, NOW, ALL_ALIVE)).toBe(true);
  });
});
