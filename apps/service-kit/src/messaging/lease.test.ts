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

it('renews the lease while a sweep outlasts it, and ends a sweep whose lease became another\'s', async () => {
  const key = `${REDIS_TEST_PREFIX}:lease-${randomUUID()}`;
  let skipped = 0;
  const other = leased({ redis, key, ttlMs: 600, logger: quietLogger, onSkipped: () => skipped++ }, async () => 7);
  // A sweep of 3 leases' length: before, the other replica took the expired lease and swept beside it.
  const long = leased({ redis, key, ttlMs: 600, logger: quietLogger }, async () => {
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await other(never)).toBe(0);
    }
    return 6;
  });
  expect(await long(never)).toBe(6);
  expect(skipped).toBe(6);
  // Past the lease it was taken with: given back, not held a TTL more (which skipped the next period's sweep).
  expect(await redis.exists(key)).toBe(0);
  // Renewed within it: expiring when the lease taken would have (lease.ts: PEXPIRE of what is left of
  // the TTL from its take, by the holder's clock), not a TTL after its last renewal (~200 ms later
  // here). The take came before the sweep began and the PEXPIRE's count after the sweep ended, so
  // what it set is at most 600 - (sweepEnded - sweepBegan), whole milliseconds both sides; Redis runs
  // the PTTL after it, which can only read less. No margin: a slow machine only lowers the reading.
  // Before, the bound was 600 - (the time since before the call) + 50 ms, which counted the take's own
  // time against the lease: a take slowed past 50 ms failed it ('expected 238 to be less than or equal to 235').
  let sweepBegan = 0;
  let sweepEnded = 0;
  const short = leased({ redis, key, ttlMs: 600, logger: quietLogger }, async () => {
    sweepBegan = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 350));
    sweepEnded = Date.now();
    return 9;
  });
  expect(await short(never)).toBe(9);
  expect(await redis.pttl(key)).toBeLessThanOrEqual(600 - (sweepEnded - sweepBegan));
  // Taken by another meanwhile (expired while Redis was out of reach): the next renewal ends the sweep as the drain does.
  const ended = leased({ redis, key: `${key}:lost`, ttlMs: 150, logger: quietLogger }, async (stopped) => {
    await redis.set(`${key}:lost`, 'another', 'PX', 60_000);
    await waitFor(async () => stopped.aborted, 'the sweep told to end', 2_000, 10);
    return 8;
  });
  expect(await ended(never)).toBe(8);
  expect(await redis.get(`${key}:lost`)).toBe('another');
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
