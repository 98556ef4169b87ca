/**
 * The failure throttle on the local Redis: only failures are counted (right attempts in flight at
 * once all pass), a parallel burst of failures is told exactly maxFailures of them (one of them the
 * lock, the rest answered as refusals), the window expires on its own, and a Redis error
 * falls back to the per-instance count.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { createFailureThrottle, type FailureThrottle } from './failure-throttle.ts';
import { waitFor } from '@tripgen/testing';
import { redisClients } from '../../test/fixtures/redis-clients.ts';

const clients = redisClients('throttle');
const prefix = `${REDIS_TEST_PREFIX}:throttle-${randomUUID()}`;
const hashKey = randomBytes(32);

/** `n` failures one after the other, each let through by the read before it: how many were told (not refused). */
const told = async (throttle: FailureThrottle, key: string, n: number) => {
  let count = 0;
  for (let i = 0; i < n; i++) if ((await throttle.refusal(key)) === undefined && !(await throttle.failed(key)).refused) count++;
  return count;
};

it('lets any number of right attempts in flight at once through, on a fresh key and on one short of the limit', async () => {
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, hashKey, maxFailures: 3, windowMs: 60_000 });
  for (const earlier of [0, 2]) {
    const key = randomUUID();
    for (let i = 0; i < earlier; i++) await throttle.failed(key);
    const checked = await Promise.all(Array.from({ length: 30 }, () => throttle.refusal(key)));
    expect(checked).toEqual(Array(30).fill(undefined));
    // Nothing is counted for an attempt in flight.
    expect(Number(await clients.redis.get(throttle.redisKey(key)) ?? 0)).toBe(earlier);
  }
});

it('tells exactly maxFailures of a parallel burst of failures, one of them the lock, the rest refused with Retry-After within the window, until the window ends', async () => {
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, hashKey, maxFailures: 3, windowMs: 1_500 });
  const key = randomUUID();
  const checked = await Promise.all(Array.from({ length: 20 }, () => throttle.refusal(key)));
  expect(checked.every((wait) => wait === undefined)).toBe(true);
  const verdicts = await Promise.all(Array.from({ length: 20 }, () => throttle.failed(key)));
  expect(verdicts.filter((v) => !v.refused)).toHaveLength(3);
  expect(verdicts.filter((v) => !v.refused && v.locked)).toHaveLength(1);
  const retryAfter = verdicts.flatMap((v) => (v.refused ? [v.retryAfterSeconds] : []));
  expect(Math.min(...retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Math.max(...retryAfter)).toBeLessThanOrEqual(2);
  // Locked: refused before the work, a right attempt too.
  expect(await throttle.refusal(key)).toBeGreaterThanOrEqual(1);
  await waitFor(async () => (await clients.redis.exists(throttle.redisKey(key))) === 0, 'the window to expire', 5_000);
  expect(await throttle.refusal(key)).toBeUndefined();
});

it('counts per instance while Redis is unreachable', async () => {
  const a = createFailureThrottle({ redis: clients.down, prefix, hashKey, maxFailures: 2, windowMs: 60_000 });
  const b = createFailureThrottle({ redis: clients.down, prefix, hashKey, maxFailures: 2, windowMs: 60_000 });
  expect(await told(a, 'x', 3)).toBe(2);
  expect(await a.refusal('x')).toBeGreaterThanOrEqual(1);
  expect(await b.refusal('x')).toBeUndefined();
});
