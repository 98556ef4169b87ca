/**
 * The sweep lease (lease.ts) against the local stack's Redis (this process's own database): one
 * holder at a time, a failed sweep giving it back, and every replica sweeping while Redis does not
 * answer (a client to an address where nothing listens).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { quietLogger, redisUrl, unreachableHttpUrl, waitFor } from '@tripgen/testing';
import { connectRedis, isRedisReady } from '../redis.ts';
import { leased, leaseTtlMs } from './lease.ts';

const redis = connectRedis(redisUrl(), quietLogger, 'lease-test');
// The kit's client queues nothing while it connects: a command before it is ready fails (and the lease sweeps without Redis).
beforeAll(() => waitFor(async () => isRedisReady(redis), 'Redis connected', 5_000, 10));
afterAll(() => redis.quit());
const never = new AbortController().signal;

it('lets one replica sweep while its lease holds, and keeps it after a sweep that completed', async () => {
  const key = `${REDIS_TEST_PREFIX}:lease-${randomUUID()}`;
  let skipped = 0;
  const [a, b] = [leased({ redis, key, ttlMs: 5_000, logger: quietLogger }, async () => 1), leased({ redis, key, ttlMs: 5_000, logger: quietLogger, onSkipped: () => skipped++ }, async () => 2)];
  expect(await a(never)).toBe(1);
  expect(await b(never)).toBe(0);
  expect(skipped).toBe(1);
  const ttl = await redis.pttl(key);
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(5_000);
});

it('gives the lease back after a failed sweep or one the drain stopped, only its own', async () => {
  const key = `${REDIS_TEST_PREFIX}:lease-${randomUUID()}`;
  const failing = leased({ redis, key, ttlMs: 60_000, logger: quietLogger }, async () => {
    throw new Error('the user service did not answer');
  });
  await expect(failing(never)).rejects.toThrow('did not answer');
  expect(await redis.exists(key)).toBe(0);
  const stopping = new AbortController();
  const stopped = leased({ redis, key, ttlMs: 60_000, logger: quietLogger }, async () => {
    stopping.abort();
    return 3;
  });
  expect(await stopped(stopping.signal)).toBe(3);
  expect(await redis.exists(key)).toBe(0);
  // Another's lease (this one's expired meanwhile) stays.
  await redis.set(key, 'another', 'PX', 60_000);
  const late = leased({ redis, key, ttlMs: 60_000, logger: quietLogger }, async () => 4);
  expect(await late(never)).toBe(0);
  expect(await redis.get(key)).toBe('another');
});

it('sweeps without the lease while Redis does not answer', async () => {
  const down = connectRedis(unreachableHttpUrl().replace(/^http:/, 'redis:'), quietLogger, 'lease-test-down');
  try {
    const sweep = leased({ redis: down, key: `${REDIS_TEST_PREFIX}:lease-down`, ttlMs: 60_000, logger: quietLogger }, async () => 5);
    expect(await sweep(never)).toBe(5);
  } finally {
    down.disconnect();
  }
});

it('expires within the period', () => {
  expect(leaseTtlMs(600_000)).toBe(540_000);
  expect(leaseTtlMs(200)).toBe(180);
});
