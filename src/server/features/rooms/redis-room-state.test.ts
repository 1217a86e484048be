import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, redisAvailable } from '#tests/helpers/requirements.ts';
import { type Redis, closeRedis, connectRedis } from '#server/lib/redis.ts';
import { NodeLiveness } from './node-liveness';
import { PresenceRegistry } from './presence';
import { PRESENCE_HEARTBEAT_MS, RedisRoomState } from './redis-room-state';

const services = await redisAvailable('the rooms’ shared state (Redis)');
const GRACE = 1_000;

/** Two nodes: each its own registry of its sockets and its own connection, one Redis. */
describe.skipIf(!services)('RedisRoomState: two nodes, one room', () => {
  const clients: Redis[] = [];
  const registries = [new PresenceRegistry(GRACE, () => undefined), new PresenceRegistry(GRACE, () => undefined)];
  let a: RedisRoomState;
  let b: RedisRoomState;
  beforeAll(async () => {
    clients.push(await connectRedis(TEST_REDIS_URL), await connectRedis(TEST_REDIS_URL));
    a = new RedisRoomState(clients[0]!, registries[0]!, new NodeLiveness(clients[0]!, `node-a-${randomUUID()}`), GRACE);
    b = new RedisRoomState(clients[1]!, registries[1]!, new NodeLiveness(clients[1]!, `node-b-${randomUUID()}`), GRACE);
  });
  afterAll(async () => {
    for (const c of clients) await closeRedis(c);
  });
  const code = () => randomUUID().replace(/-/g, '').slice(0, 22);

  it('one node sees the person whose socket is on the other, and when they leave', async () => {
    const room = code();
    expect(await b.presence(room, 'u1')).toBe('offline');
    registries[0]!.join(room, 'u1', 's1', 'waiting');
    await a.publish(room, 'u1');
    expect(await b.presence(room, 'u1')).toBe('waiting');
    expect(await b.isOnline(room, 'u1')).toBe(true);
    // A second tab on node B, in the call: the call wins.
    registries[1]!.join(room, 'u1', 's2', 'in_call');
    await b.publish(room, 'u1');
    expect(await a.presence(room, 'u1')).toBe('in_call');
    registries[1]!.leave(room, 'u1', 's2', false);
    await b.publish(room, 'u1');
    expect(await a.presence(room, 'u1')).toBe('waiting');
    registries[0]!.leave(room, 'u1', 's1', false);
    await a.publish(room, 'u1');
    expect(await b.presence(room, 'u1')).toBe('left');
    expect(await b.isOnline(room, 'u1')).toBe(false);
  });

  it('a node that stops refreshing (it died) leaves its members reconnecting, then offline', async () => {
    const room = code();
    const now = Date.now();
    await clients[0]!.hSet(`mc:presence:${room}:u1`, 'dead-node', JSON.stringify({ s: 'in_call', t: now - 60_000, n: 1, f: now - 10 }));
    expect(await b.presence(room, 'u1')).toBe('reconnecting');
    expect(await b.isOnline(room, 'u1')).toBe(false);
    await clients[0]!.hSet(
      `mc:presence:${room}:u1`,
      'dead-node',
      JSON.stringify({ s: 'in_call', t: now - 60_000, n: 1, f: now - GRACE - PRESENCE_HEARTBEAT_MS - 10 }),
    );
    expect(await b.presence(room, 'u1')).toBe('offline');
  });

  it('a node that stops (its liveness lapsed, or it left) no longer holds its members in the room, though its views say they hold', async () => {
    const room = code();
    const registry = new PresenceRegistry(GRACE, () => undefined);
    const nodeC = new NodeLiveness(clients[0]!, `node-c-${randomUUID()}`);
    const c = new RedisRoomState(clients[0]!, registry, nodeC, GRACE);
    // Node B has read who is alive before node C beat for the first time: unknown, so judged by its views alone.
    const readByB = new NodeLiveness(clients[1]!, `node-b-${randomUUID()}`);
    const b2 = new RedisRoomState(clients[1]!, new PresenceRegistry(GRACE, () => undefined), readByB, GRACE);
    await readByB.beat();
    registry.join(room, 'u1', 's1', 'in_call');
    await c.publish(room, 'u1');
    expect(await b2.presence(room, 'u1')).toBe('in_call');
    await nodeC.beat();
    await readByB.beat();
    expect(await b2.presence(room, 'u1')).toBe('in_call');
    expect(await b2.isOnline(room, 'u1')).toBe(true);
    // Node C stops: its view still holds for PRESENCE_FRESH_MS, but node B, once it has read that, no longer counts it.
    await nodeC.leave();
    expect(await b2.presence(room, 'u1')).toBe('in_call'); // Read at most a heartbeat ago: not yet known.
    await readByB.beat();
    expect(await b2.presence(room, 'u1')).toBe('reconnecting');
    expect(await b2.isOnline(room, 'u1')).toBe(false);
    // Node C, still running its last requests, counts itself alive.
    expect(await c.presence(room, 'u1')).toBe('in_call');
  });

  it('a presence is announced once across nodes, and nothing said counts as offline', async () => {
    const room = code();
    expect(await a.announceOnce(room, 'u1', 'offline')).toBe(false);
    expect(await a.announceOnce(room, 'u1', 'waiting')).toBe(true);
    expect(await b.announceOnce(room, 'u1', 'waiting')).toBe(false);
    expect(await b.announceOnce(room, 'u1', 'in_call')).toBe(true);
    expect(await a.announceOnce(room, 'u1', 'in_call')).toBe(false);
  });

  it('a waiting patient: each change is made, and the doctor told, by one node only', async () => {
    const room = code();
    const entry = { doctorId: `d-${room}`, patientId: 'p1', patientName: 'Maria' };
    expect(await a.setWaiting(room, true, entry, '2026-01-01T10:00:00.000Z')).toBe(true);
    expect(await b.setWaiting(room, true, entry, '2026-01-01T10:00:01.000Z')).toBe(false);
    expect(await b.isWaiting(room)).toBe(true);
    expect(await b.waiting(entry.doctorId)).toEqual([{ code: room, since: '2026-01-01T10:00:00.000Z', ...entry }]);
    expect(await b.setWaiting(room, false, entry, '2026-01-01T10:01:00.000Z')).toBe(true);
    expect(await a.setWaiting(room, false, entry, '2026-01-01T10:01:00.000Z')).toBe(false);
    await a.setWaiting(room, true, entry, '2026-01-01T10:02:00.000Z');
    expect(await b.dropWaiting(room)).toMatchObject({ code: room });
    expect(await a.dropWaiting(room)).toBeUndefined();
  });

  it('media claims made on two nodes are seen together, and go with the room', async () => {
    const room = code();
    await a.claimConnected(room, 'doctor', '2026-01-01T10:00:00.000Z');
    expect(await b.claimConnected(room, 'patient', '2026-01-01T10:00:01.000Z')).toEqual(
      new Map([
        ['doctor', '2026-01-01T10:00:00.000Z'],
        ['patient', '2026-01-01T10:00:01.000Z'],
      ]),
    );
    await b.unclaimConnected(room, 'patient');
    expect([...(await a.claimConnected(room, 'doctor', '2026-01-01T10:00:02.000Z')).keys()]).toEqual(['doctor']);
    await a.closed(room);
    expect((await b.claimConnected(room, 'patient', '2026-01-01T10:00:03.000Z')).size).toBe(1);
  });
});
