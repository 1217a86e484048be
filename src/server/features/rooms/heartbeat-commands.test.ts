import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomRow } from '#server/db/types.ts';
import { type Redis, closeRedis, connectRedis } from '#server/lib/redis.ts';
import { throwawayRedis } from '#tests/helpers/nodes.ts';
import { redisServerAvailable } from '#tests/helpers/requirements.ts';
import { LiveRooms } from './live-rooms';
import { NodeLiveness } from './node-liveness';
import { RedisRoomState } from './redis-room-state';

const ROOMS = 20;

/** Redis's own count of the commands it ran, by name (`INFO commandstats`). */
async function commandCounts(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const counts = new Map<string, number>();
  for (const [, name, calls] of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts.set(name!, Number(calls));
  return counts;
}

/**
 * The presence heartbeat runs on every node every 3 s for every room it serves, so what it sends
 * to Redis per room is most of a multi-node deployment's Redis load at rest (ADR 025).
 */
describe.skipIf(!redisServerAvailable('the heartbeat’s Redis commands'))('the presence heartbeat’s Redis commands', () => {
  let server: Awaited<ReturnType<typeof throwawayRedis>>;
  let redis: Redis;
  let probe: Redis;
  beforeAll(async () => {
    server = await throwawayRedis();
    redis = await connectRedis(server.url);
    probe = await connectRedis(server.url);
  });
  afterAll(async () => {
    await closeRedis(redis);
    await closeRedis(probe);
    await server.stop();
  });

  it(`one heartbeat of ${ROOMS} calls at rest reads each member once per room and deletes nothing`, async () => {
    const failures: unknown[] = [];
    const emitted: unknown[] = [];
    const realtime = { io: { to: () => ({ emit: (...args: unknown[]) => emitted.push(args) }) }, notify: (...args: unknown[]) => emitted.push(args) };
    const liveness = new NodeLiveness(redis, 'node-a');
    const live = new LiveRooms(
      realtime as unknown as ConstructorParameters<typeof LiveRooms>[0],
      2_000,
      { error: (...args: unknown[]) => failures.push(args) } as unknown as ConstructorParameters<typeof LiveRooms>[2],
      {
        state: (registry) => new RedisRoomState(redis, registry, liveness, 2_000),
        peers: { broadcast: () => undefined, reset: () => undefined },
      },
    );
    for (let i = 0; i < ROOMS; i += 1) {
      const code = `room${i}`;
      const room = { code, doctor_id: `doctor${i}`, patient_id: `patient${i}` } as RoomRow;
      live.rooms.set(code, room);
      live.presence.join(code, room.doctor_id, `sd${i}`, 'in_call');
      live.presence.join(code, room.patient_id, `sp${i}`, 'in_call');
      await live.changed(code, room, room.doctor_id);
      await live.changed(code, room, room.patient_id);
    }
    // A tick of the timer (rooms.signaling.ts): the node's liveness beat, then the pass over its rooms.
    const tick = () => Promise.all([liveness.beat(), live.heartbeat()]);
    await tick(); // Whatever joining left to say is said.
    emitted.length = 0;

    await probe.configResetStat();
    await tick();
    const counts = await commandCounts(probe);
    counts.delete('config|resetstat');
    counts.delete('info');
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const perRoom = Object.fromEntries([...counts].map(([name, calls]) => [name, calls / ROOMS]));
    console.info(`one heartbeat, ${ROOMS} rooms: ${total} commands, ${(total / ROOMS).toFixed(2)} per room`, perRoom);

    expect(failures).toEqual([]);
    expect(emitted).toEqual([]); // Nothing changed: nobody is told anything.
    expect(counts.get('hgetall') ?? 0).toBe(2 * ROOMS + 1); // Each member once per room, and the waiting patients once.
    expect(counts.get('hexists') ?? 0).toBe(ROOMS);
    expect(counts.get('hdel') ?? 0).toBe(0);
    expect(counts.get('hsetnx') ?? 0).toBe(0);
    // The node's liveness: beaten and read once per heartbeat (one EVAL: TIME, ZADD, ZREMRANGEBYSCORE, ZRANGEBYSCORE), whatever the number of rooms.
    expect(counts.get('zadd') ?? 0).toBe(1);
    expect(counts.get('zrangebyscore') ?? 0).toBe(1);
    // Was 22 per room: 6 HGETALL, 2 HEXISTS, 2 HDEL, 2 EVAL (and their GETs), 2 × MULTI/HSET/PEXPIRE/EXEC.
    // Now 11: 2 HSET and 2 PEXPIRE (pipelined), 2 HGETALL, 1 HEXISTS, 2 EVAL (and their GETs);
    // and 5 per node, not per room, for its liveness (ADR 023, "Node liveness"): 11.25 per room here.
    expect(total / ROOMS).toBeLessThanOrEqual(12);
  });
});
