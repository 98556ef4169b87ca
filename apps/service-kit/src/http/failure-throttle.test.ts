/**
 * The failure throttle on the local Redis: a parallel burst gets exactly maxFailures attempts
 * (the slot is taken atomically before the work), the window expires on its own, an aborted
 * attempt gives its slot back to the window it was taken in and to no other (once, also when Redis
 * answers the give-back too late), and a Redis error falls back to the per-instance count.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { createFailureThrottle, type AttemptVerdict, type FailureThrottle } from './failure-throttle.ts';
import type { BudgetSlot } from './rate-limit.ts';
import { quietLogger, redisUrl, waitFor } from '@tripgen/testing';
import { connectRedis, isRedisReady } from '../redis.ts';
import { redisClients } from '../../test/fixtures/redis-clients.ts';

const clients = redisClients('throttle');
const prefix = `${REDIS_TEST_PREFIX}:throttle-${randomUUID()}`;

/** The slot of an attempt that must have been allowed. */
const allowed = (verdict: AttemptVerdict): BudgetSlot => {
  if (!verdict.allowed) throw new Error(`refused, retry in ${verdict.retryAfterSeconds} s`);
  return verdict.slot;
};

/** How many of `n` attempts one after the other are allowed. */
const admitted = async (throttle: FailureThrottle, key: string, n: number) => {
  let ok = 0;
  for (let i = 0; i < n; i++) if ((await throttle.attempt(key)).allowed) ok++;
  return ok;
};

it('lets exactly maxFailures of a parallel burst through, with Retry-After within the window, until the window ends', async () => {
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 3, windowMs: 1_500 });
  const verdicts = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt('burst')));
  expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
  const retryAfter = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterSeconds]));
  expect(Math.min(...retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Math.max(...retryAfter)).toBeLessThanOrEqual(2);
  await waitFor(async () => (await clients.redis.exists(throttle.redisKey('burst'))) === 0, 'the window to expire', 5_000);
  expect((await throttle.attempt('burst')).allowed).toBe(true);
});

it('gives an aborted attempt back and clears the count on success', async () => {
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 2, windowMs: 60_000 });
  expect((await throttle.attempt('k')).allowed).toBe(true);
  await throttle.aborted(allowed(await throttle.attempt('k')));
  expect((await throttle.attempt('k')).allowed).toBe(true);
  expect((await throttle.attempt('k')).allowed).toBe(false);
  await throttle.succeeded('k');
  expect(await clients.redis.exists(throttle.redisKey('k'))).toBe(0);
  expect((await throttle.attempt('k')).allowed).toBe(true);
  await throttle.succeeded('k');
});

it('gives nothing to the next window when the aborted attempt\u2019s window has ended: 2 of 3 allowed there, not 3', async () => {
  // A slow login whose database fails after its window ended. Before, reward() recreated the key
  // at -1 with a fresh window, which then allowed one attempt more than the limit.
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 2, windowMs: 1_000 });
  const key = randomUUID();
  const slot = allowed(await throttle.attempt(key));
  await waitFor(async () => (await clients.redis.exists(throttle.redisKey(key))) === 0, 'the window to end', 5_000);
  await throttle.aborted(slot);
  expect(await clients.redis.exists(throttle.redisKey(key))).toBe(0);
  expect(await admitted(throttle, key, 3)).toBe(2);
});

it('gives nothing to a window opened since the aborted attempt\u2019s ended: 2 allowed in it, not 3', async () => {
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 2, windowMs: 1_000 });
  const key = randomUUID();
  const slot = allowed(await throttle.attempt(key));
  await waitFor(async () => (await clients.redis.exists(throttle.redisKey(key))) === 0, 'the window to end', 5_000);
  allowed(await throttle.attempt(key));
  await throttle.aborted(slot);
  expect(1 + (await admitted(throttle, key, 2))).toBe(2);
});

it('gives nothing to a window opened since a success cleared the count: 2 allowed in it, not 3', async () => {
  // A login whose database failed slowly while another login of the account succeeded (the count
  // deleted) and two failed (a new window, seconds after the aborted attempt's).
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 2, windowMs: 60_000 });
  const key = randomUUID();
  const slot = allowed(await throttle.attempt(key));
  await throttle.succeeded(key);
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  expect(await admitted(throttle, key, 2)).toBe(2);
  await throttle.aborted(slot);
  expect(await admitted(throttle, key, 1)).toBe(0);
});

it('a burst refused while reserved attempts wait (a stalled database) leaves no lock once those are given back', async () => {
  // Reserved, then aborted (the database never answered); meanwhile 20 more are refused. Before,
  // each refusal stayed counted: 23 - 3 given back = 20, the account locked for the window.
  const throttle = createFailureThrottle({ redis: clients.redis, prefix, maxFailures: 3, windowMs: 60_000 });
  const reserved = await Promise.all([1, 2, 3].map(() => throttle.attempt('stalled')));
  expect(reserved.every((v) => v.allowed)).toBe(true);
  const refused = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt('stalled')));
  expect(refused.some((v) => v.allowed)).toBe(false);
  for (const verdict of reserved) await throttle.aborted(allowed(verdict));
  expect((await throttle.attempt('stalled')).allowed).toBe(true);
  await throttle.succeeded('stalled');
});

it('counts per instance while Redis is unreachable', async () => {
  const a = createFailureThrottle({ redis: clients.down, prefix, maxFailures: 2, windowMs: 60_000 });
  const b = createFailureThrottle({ redis: clients.down, prefix, maxFailures: 2, windowMs: 60_000 });
  expect([await a.attempt('x'), await a.attempt('x'), await a.attempt('x')].map((v) => v.allowed)).toEqual([true, true, false]);
  expect((await b.attempt('x')).allowed).toBe(true);
  await a.succeeded('x');
  expect((await a.attempt('x')).allowed).toBe(true);
});

it('gives an aborted attempt back once when Redis answers the give-back too late (it ran, the client timed out): 2 of 3 allowed after, not 3', async () => {
  // The real Redis behind a proxy that holds back the next answer on demand: the give-back's script
  // runs, its answer comes after the client's command timeout.
  const target = new URL(redisUrl());
  let holdNextMs = 0;
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    let queue = Promise.resolve();
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      const hold = holdNextMs;
      holdNextMs = 0;
      queue = queue.then(() => new Promise((resolve) => setTimeout(resolve, hold))).then(() => void client.write(chunk));
    });
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const slow = connectRedis(`redis://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`, quietLogger, 'throttle-test-slow');
  try {
    await waitFor(() => isRedisReady(slow), 'redis ready through the proxy');
    const throttle = createFailureThrottle({ redis: slow, prefix, maxFailures: 2, windowMs: 60_000 });
    const key = randomUUID();
    const slot = allowed(await throttle.attempt(key));
    holdNextMs = 1_500;
    await throttle.aborted(slot);
    expect(await clients.redis.get(throttle.redisKey(key))).toBe('0');
    expect(await admitted(throttle, key, 3)).toBe(2);
  } finally {
    slow.disconnect();
    await new Promise((resolve) => proxy.close(resolve));
  }
});
