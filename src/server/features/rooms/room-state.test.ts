import { describe, expect, it } from 'vitest';
import { type NodeView, mergePresence } from './room-state';

const GRACE = 2_000;
const NOW = 1_000_000;
const view = (v: Partial<NodeView>): NodeView => ({ s: 'in_call', t: NOW - 5_000, n: 1, f: NOW + 5_000, ...v });

describe('mergePresence: one person seen from several nodes', () => {
  it('is offline when no node has seen them', () => {
    expect(mergePresence([], NOW, GRACE)).toBe('offline');
  });

  it('any live socket wins, in the call over the waiting room', () => {
    expect(mergePresence([view({ s: 'waiting' })], NOW, GRACE)).toBe('waiting');
    expect(mergePresence([view({ s: 'waiting' }), view({ s: 'in_call' })], NOW, GRACE)).toBe('in_call');
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW }), view({ s: 'waiting' })], NOW, GRACE)).toBe('waiting');
  });

  it('a node that stopped refreshing (it died) shows its members reconnecting for the grace period, then offline', () => {
    expect(mergePresence([view({ f: NOW - 1 })], NOW, GRACE)).toBe('reconnecting');
    expect(mergePresence([view({ f: NOW - GRACE })], NOW, GRACE)).toBe('offline');
    // Back through another node: that node's live view wins at once.
    expect(mergePresence([view({ f: NOW - GRACE * 10 }), view({ s: 'in_call' })], NOW, GRACE)).toBe('in_call');
  });

  it('without sockets, the newest word holds: left, or reconnecting until its own deadline', () => {
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW - 10 })], NOW, GRACE)).toBe('left');
    expect(mergePresence([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW, GRACE)).toBe('reconnecting');
    // Its node died before saying "offline".
    expect(mergePresence([view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW })], NOW, GRACE)).toBe('offline');
    expect(mergePresence([view({ s: 'left', n: 0, t: NOW - 100 }), view({ s: 'reconnecting', n: 0, t: NOW - 10, f: NOW + 1 })], NOW, GRACE)).toBe(
      'reconnecting',
    );
  });
});
