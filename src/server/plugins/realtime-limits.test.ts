import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, redisAvailable } from '#tests/helpers/requirements.ts';
import { type Redis, closeRedis, connectRedis } from '#server/lib/redis.ts';
import { LocalRealtimeLimits, RedisRealtimeLimits } from './realtime-limits';

const services = await redisAvailable('realtime limits across nodes (Redis)');
const SETTINGS = { eventsPer10s: 30, handshakesPer10s: 5, socketsPerSession: 2, bench: { baseMs: 1_000, maxMs: 4_000, memoryMs: 60_000 } };
const quiet = { warn: () => undefined };

describe('LocalRealtimeLimits (one node)', () => {
  it('counts sockets per session and gives a place back when one closes', () => {
    const limits = new LocalRealtimeLimits(SETTINGS);
    expect(limits.openSocket('s1')).toBe(true);
    expect(limits.openSocket('s1')).toBe(true);
    expect(limits.openSocket('s1')).toBe(false);
    limits.closeSocket('s1');
    expect(limits.openSocket('s1')).toBe(true);
  });
});

describe.skipIf(!services)('RedisRealtimeLimits: two nodes count one person together', () => {
  const clients: Redis[] = [];
  let nodeA: RedisRealtimeLimits;
  let nodeB: RedisRealtimeLimits;
  beforeAll(async () => {
    clients.push(await connectRedis(TEST_REDIS_URL), await connectRedis(TEST_REDIS_URL));
    nodeA = new RedisRealtimeLimits(clients[0]!, SETTINGS, quiet);
    nodeB = new RedisRealtimeLimits(clients[1]!, SETTINGS, quiet);
  });
  afterAll(async () => {
    for (const c of clients) await closeRedis(c);
  });

  it('the event budget is the person’s, whichever node the events reach', async () => {
    const person = randomUUID();
    const answers: boolean[] = [];
    // 20 on each node: each node alone would allow them all (budget 30), together they are 40.
    for (let i = 0; i < 20; i += 1) answers.push(await nodeA.takeEvent(person, 1), await nodeB.takeEvent(person, 1));
    expect(answers.filter(Boolean)).toHaveLength(30);
    expect(answers.slice(-1)).toEqual([false]);
  });

  it('a node refuses at once, without Redis, what its own count already refuses', () => {
    const person = randomUUID();
    expect(nodeA.takeEvent(person, 31)).toBe(false);
  });

  it('holds SOCKETS_PER_SESSION across nodes and frees a place when a socket closes', async () => {
    const session = randomUUID();
    expect(await nodeA.openSocket(session, 'a1')).toBe(true);
    expect(await nodeB.openSocket(session, 'b1')).toBe(true);
    expect(await nodeA.openSocket(session, 'a2')).toBe(false);
    expect(await nodeB.openSocket(session, 'b2')).toBe(false);
    nodeB.closeSocket(session, 'b1');
    expect(await nodeA.openSocket(session, 'a2')).toBe(true);
  });

  it('counts handshakes per session across nodes, and a session benched on one node is refused on the other', async () => {
    const session = randomUUID();
    const answers = [await nodeA.takeHandshake(session), await nodeB.takeHandshake(session), await nodeA.takeHandshake(session)];
    answers.push(await nodeB.takeHandshake(session), await nodeA.takeHandshake(session), await nodeB.takeHandshake(session));
    expect(answers).toEqual([true, true, true, true, true, false]);
    expect(await nodeB.isBenched(session)).toBe(false);
    nodeA.strike(session);
    expect(await nodeB.isBenched(session)).toBe(true);
  });

  it('counts strikes on both nodes during one bench as one flood: the bench does not grow', async () => {
    const session = randomUUID();
    nodeA.strike(session);
    nodeB.strike(session);
    await new Promise((r) => setTimeout(r, 400));
    expect(await nodeA.isBenched(session)).toBe(true);
    await new Promise((r) => setTimeout(r, SETTINGS.bench.baseMs));
    expect(await nodeA.isBenched(session)).toBe(false);
    expect(await nodeB.isBenched(session)).toBe(false);
  });

  it('fails safe when Redis errs: no refusal, no throw, one warning; the node’s own limits still hold', async () => {
    const broken = await connectRedis(TEST_REDIS_URL);
    broken.destroy();
    const warnings: string[] = [];
    const node = new RedisRealtimeLimits(broken, SETTINGS, { warn: (_o, msg) => void warnings.push(msg) });
    const person = randomUUID();
    expect(await node.takeEvent(person, 1)).toBe(true);
    expect(await node.takeHandshake(person)).toBe(true);
    expect(await node.isBenched(person)).toBe(false);
    expect(await node.openSocket(person, 'x1')).toBe(true);
    expect(await node.openSocket(person, 'x2')).toBe(true);
    expect(await node.openSocket(person, 'x3')).toBe(false);
    expect(() => node.strike(person)).not.toThrow();
    expect(() => node.closeSocket(person, 'x1')).not.toThrow();
    await node.maintain([{ sessionId: person, socketId: 'x2' }]);
    expect(node.takeEvent(person, 100)).toBe(false);
    expect(warnings).toHaveLength(1);
  });
});
