/**
 * The token revocations' durable record (user_db token_revocations, catalog TOKEN_REVOCATIONS): Redis
 * holds the set every replica of every service reads, but can lose it (an `allkeys-lru` eviction, a
 * restart, a flush), and a replica that revoked while Redis was out of reach keeps what it could not
 * write only in memory, lost when it stops. Each revocation is recorded here first, and every replica
 * of the user service gives Redis back what it lacks (the kit's `restore`, which publishes them, so
 * every replica of every service learns them again): whenever its Redis connection is ready, and
 * every `republishEveryMs`. Rows older than a token's lifetime revoke nothing still valid: pruned then.
 */
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { isRedisReady, type Kit, type TokenRevocations } from '@tripgen/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Records the account's revocation at `at` (ms), keeping a later one already recorded. */
export const recordRevocation = async (prisma: PrismaClient, userId: string, at: number): Promise<void> => {
  const when = new Date(at);
  await prisma.$executeRaw`INSERT INTO token_revocations (user_id, revoked_at) VALUES (${userId}::uuid, ${when})
    ON CONFLICT (user_id) DO UPDATE SET revoked_at = GREATEST(token_revocations.revoked_at, EXCLUDED.revoked_at)`;
};

/** The revocations recorded after `since` (ms). */
export const recordedRevocations = async (prisma: PrismaClient, since: number): Promise<{ userId: string; at: number }[]> =>
  (await prisma.tokenRevocation.findMany({ where: { revokedAt: { gt: new Date(since) } } })).map((r) => ({ userId: r.userId, at: r.revokedAt.getTime() }));

/** Deletes the records not after `before` (ms); how many. */
export const pruneRevocationRecords = async (prisma: PrismaClient, before: number): Promise<number> =>
  (await prisma.tokenRevocation.deleteMany({ where: { revokedAt: { lte: new Date(before) } } })).count;

export interface DurableRevocations {
  /**
   * Revokes every token of the account issued up to now: recorded in user_db (a failure is logged,
   * the revocation still goes to Redis) and the kit's `revoke` at once; rejects with the latter's
   * rejection (Redis out of reach), and the record makes it reach Redis later, from any replica.
   */
  revoke(userId: string): Promise<number>;
  /** Prunes the records and writes back what Redis lacks, now (the schedule's one step); how many were written back. */
  republish(): Promise<number>;
  /** Stops the schedule and waits for a step in flight. */
  stop(): Promise<void>;
}

export interface DurableRevocationOptions {
  readonly prisma: PrismaClient;
  readonly revocations: TokenRevocations;
  /** The kit's command connection: each time it is ready, a step. */
  readonly redis: Kit['redis'];
  readonly log: FastifyBaseLogger;
  /** Default the catalog's; tests shorten it. */
  readonly republishEveryMs?: number;
}

export const durableRevocations = (opts: DurableRevocationOptions): DurableRevocations => {
  const { prisma, revocations, redis, log } = opts;
  let running: Promise<number> | undefined;
  let stopped = false;
  const step = async (): Promise<number> => {
    const oldest = Date.now() - TOKEN_REVOCATIONS.lifetimeMs;
    await pruneRevocationRecords(prisma, oldest);
    const restored = await revocations.restore(await recordedRevocations(prisma, oldest));
    if (restored > 0) log.warn({ restored }, 'token revocations missing from Redis (evicted, flushed or never written) were written back from user_db');
    return restored;
  };
  const republish = (): Promise<number> => {
    running ??= step().finally(() => (running = undefined));
    return running;
  };
  const tick = () => {
    // Not connected yet (a pod starting) or cut off: the connection's next 'ready' runs it.
    if (!stopped && isRedisReady(redis)) republish().catch((err: unknown) => log.warn({ err }, 'token revocations could not be compared with Redis; trying again at the next tick'));
  };
  const timer = setInterval(tick, opts.republishEveryMs ?? TOKEN_REVOCATIONS.republishEveryMs);
  timer.unref();
  redis.on('ready', tick);
  tick();
  return {
    async revoke(userId) {
      const at = Date.now();
      // Both at once: a sign-out waits for the slower of the two, not their sum.
      const [recorded, sent] = await Promise.allSettled([recordRevocation(prisma, userId, at), revocations.revoke(userId, at)]);
      if (recorded.status === 'rejected') log.error({ err: recorded.reason as unknown, userId }, 'a token revocation could not be recorded in user_db: Redis alone holds it');
      if (sent.status === 'rejected') throw sent.reason;
      return sent.value;
    },
    republish,
    async stop() {
      stopped = true;
      clearInterval(timer);
      redis.off('ready', tick);
      await running?.catch(() => undefined);
    },
  };
};
