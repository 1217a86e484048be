import type { Permission } from '#shared/permissions.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import type { Redis } from '#server/lib/redis.ts';

/** Who is making the request, when a valid session cookie came with it. */
/** `sessionCreatedAt`: when this session began (its login), ISO-8601. */
export type Auth = { user: UserRow; sessionId: string; sessionCreatedAt: string };

/** What a route needs: a permission from the table, any signed-in person, or nobody. */
export type Access = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** Multi-node mode (REDIS_URL): this node's Redis connection; null on one node. */
    redis: Redis | null;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}
