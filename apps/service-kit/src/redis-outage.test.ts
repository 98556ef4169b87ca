/**
 * Redis that stops answering on a connection already open (a hung server, a partition, a dropped
 * route: the socket stays open, nothing comes back). ioredis notices a refused or closed connection
 * and reconnects, but with an open one it stays `ready`: each command waits its `commandTimeout` and
 * fails, and nothing reconnects ("commandTimeout ... a 'Command timed out' error will be thrown",
 * no more: ioredis README, Timeouts). Every request that touches Redis (the rate limit's lease, the
 * cache, the login throttle) then waited a second or two per command for the whole outage, past
 * the callers' 1 s time limits (trip -> user), while readiness said Redis was up. ioredis 5.9's
 * `socketTimeout` ("If the socket does not receive data within a set number of milliseconds: the
 * socket is considered dead and will be destroyed ... the reconnect strategy will kick in",
 * RedisOptions.d.ts) gives the connection up, and until Redis answers again commands fail at once
 * (no offline queue) and the cache and rate limit go around Redis.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it, vi } from 'vitest';
import type { Redis } from 'ioredis';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { capturedLogger, quietLogger, redisUrl, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import { createTwoLevelCache } from './cache.ts';
import { answersPromptly, COMMAND_TIMEOUT_MS, connectRedis, isRedisReady, REDIS_PROBE_EVERY_MS } from './redis.ts';
import { keepSubscribed } from './redis-subscription.ts';

let relay: TcpRelay | undefined;
let redis: Redis | undefined;
let subscriber: Redis | undefined;
afterAll(async () => {
  redis?.disconnect();
  subscriber?.disconnect();
  await relay?.close();
});

it('gives up a connection Redis stopped answering on, fails fast meanwhile, and is back when Redis answers', async () => {
  relay = await startTcpRelay({ target: redisUrl() });
  redis = connectRedis(relay.via(redisUrl()), quietLogger, 'outage-test');
  await waitFor(() => isRedisReady(redis), 'redis ready');
  expect(await redis.set('outage-test', '1')).toBe('OK');

  relay.stall();
  await expect(redis.get('outage-test')).rejects.toThrow(); // the command in flight: its timeout
  await waitFor(() => !isRedisReady(redis), 'the silent connection to be given up', 5_000);
  // Refused at once for want of a connection (no offline queue), not sent to wait its commandTimeout (1 s) again.
  await expect(redis.get('outage-test')).rejects.toThrow(/Stream isn't writeable and enableOfflineQueue options is false/);

  relay.mend();
  await waitFor(() => isRedisReady(redis), 'redis ready again', 15_000);
  expect(await redis.get('outage-test')).toBe('1');
});

/**
 * The cache's subscriber sends nothing of its own: socketTimeout only runs while a command waits, and
 * TCP keep-alive (ioredis `keepAlive: 0`: the kernel's idle time, two hours by default) would notice
 * a dead peer much later. So a subscriber whose connection went silent stayed `ready` and missed
 * every invalidation from the other replicas (their writes, served stale from L1 for its TTL) with
 * no sign of it. A PING now and then (allowed to a subscriber: ioredis VALID_IN_SUBSCRIBER_MODE)
 * gives the silence away: the connection is given up, and its reconnect clears L1 (cache.ts).
 */
it('gives up an idle subscribed connection Redis stopped answering on, and resubscribes once it answers', async () => {
  relay ??= await startTcpRelay({ target: redisUrl() });
  subscriber = connectRedis(relay.via(redisUrl()), quietLogger, 'outage-test:sub');
  await waitFor(() => isRedisReady(subscriber), 'subscriber ready');
  keepSubscribed(subscriber, 'outage-test', () => undefined);
  await waitFor(() => subscriber!.mode === 'subscriber', 'subscribed', 5_000);
  relay.stall();
  await waitFor(() => !isRedisReady(subscriber), 'the silent subscribed connection to be given up', REDIS_PROBE_EVERY_MS + 5_000);
  const back = new Promise((resolve) => subscriber!.once('ready', resolve));
  relay.mend();
  await back;
  await waitFor(() => subscriber!.mode === 'subscriber', 'resubscribed (keepSubscribed, on ready)', 5_000);
});

/** Before, the warning said `err.message` only ('read ECONNRESET'): no type, no code, no cause. */
it('warns of Redis out of reach once, with the error that said so (type, message, code) and no stack', async () => {
  const cut = await startTcpRelay({ target: redisUrl(), cut: true });
  const { logger, lines } = capturedLogger();
  const unreachable = connectRedis(cut.via(redisUrl()), logger, 'outage-test:cut');
  try {
    await waitFor(() => lines.some((l) => l.msg === 'redis unreachable; continuing without it'), 'the warning', 5_000);
    const line = lines.find((l) => l.msg === 'redis unreachable; continuing without it');
    expect(line).toMatchObject({ level: 40, redis: 'outage-test:cut', outage: [{ type: 'Error', message: expect.stringMatching(/^(read|connect) E[A-Z]+/), code: expect.stringMatching(/^E[A-Z]+$/) }] });
    expect(JSON.stringify(line)).not.toContain('    at ');
  } finally {
    unreachable.disconnect();
    await cut.close();
  }
});

/**
 * A cache miss while Redis hangs (the connection open and ready, nothing answered): the L2 read waits
 * its commandTimeout (1 s) and fails, the value is loaded. Its SET to L2 then waited a second
 * commandTimeout before the caller was answered: 2 s a miss, past the callers' 1 s budgets (the trip
 * service's call to the user service), so a hang failed requests downstream instead of slowing them.
 * Now the answer goes as soon as it is loaded, the SET still on its way: at most one command timeout.
 */
it('answers a cache miss while Redis hangs after the L2 read gave up, before the L2 SET does', async () => {
  const hung = await startTcpRelay({ target: redisUrl() });
  const commands = connectRedis(hung.via(redisUrl()), quietLogger, 'outage-test:cache');
  const listening = connectRedis(redisUrl(), quietLogger, 'outage-test:cache:sub');
  try {
    await waitFor(() => isRedisReady(commands) && isRedisReady(listening), 'redis ready');
    const cache = await createTwoLevelCache({ namespace: `${REDIS_TEST_PREFIX}:${randomUUID()}`, shape: '1', redis: commands, subscriber: listening });
    const set = vi.spyOn(commands, 'set'); // the real SET, watched
    const events: string[] = [];
    hung.stall();
    const answer = cache.get('profile', async () => ({ v: 1 }));
    void answer.then(() => events.push('answered'));
    await waitFor(() => set.mock.calls.length === 1, 'the loaded value sent to L2', 3_000);
    void (set.mock.results[0]!.value as Promise<unknown>).then(
      () => events.push('SET stored'),
      () => events.push('SET gave up'),
    );
    await waitFor(() => events.length === 2, 'the answer and the end of the SET', 5_000);
    // Before: [ 'SET gave up', 'answered' ] (about 2,000 ms for the miss).
    expect(events).toEqual(['answered', 'SET gave up']);
    expect(await answer).toEqual({ v: 1 });
    await cache.close();
  } finally {
    commands.disconnect();
    listening.disconnect();
    await hung.close();
  }
});

/**
 * Once a command timed out on the connection (silent: redis.ts answersPromptly) the request path's
 * counters count in memory without asking Redis (redis-hang-request.test.ts), but each cache miss
 * still sent its L2 read and waited its command timeout: a second miss during the same hang took
 * 1,000 ms, past the trip service's 1 s budget for the user service. Now a miss while the connection
 * is silent goes to its loader at once, as while Redis is unreachable.
 */
it('answers a second cache miss while Redis hangs without an L2 read: the connection is silent', async () => {
  const hung = await startTcpRelay({ target: redisUrl() });
  const commands = connectRedis(hung.via(redisUrl()), quietLogger, 'outage-test:cache-silent');
  const listening = connectRedis(redisUrl(), quietLogger, 'outage-test:cache-silent:sub');
  try {
    await waitFor(() => isRedisReady(commands) && isRedisReady(listening), 'redis ready');
    const cache = await createTwoLevelCache({ namespace: `${REDIS_TEST_PREFIX}:${randomUUID()}`, shape: '1', redis: commands, subscriber: listening });
    const reads = vi.spyOn(commands, 'multi'); // the L2 read's MULTI, watched
    hung.stall();
    expect(await cache.get('first', async () => ({ v: 1 }))).toEqual({ v: 1 }); // its L2 read times out
    expect(answersPromptly(commands)).toBe(false);
    expect(isRedisReady(commands)).toBe(true);
    const started = performance.now();
    expect(await cache.get('second', async () => ({ v: 2 }))).toEqual({ v: 2 });
    const ms = performance.now() - started;
    // Before: a second MULTI sent, and the miss answered after its command timeout (about 1,000 ms).
    expect({ reads: reads.mock.calls.length, waitedForRedis: ms >= COMMAND_TIMEOUT_MS / 2 }).toEqual({ reads: 1, waitedForRedis: false });
    await cache.close();
  } finally {
    commands.disconnect();
    listening.disconnect();
    await hung.close();
  }
});
