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
import { afterAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { capturedLogger, quietLogger, redisUrl, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import { connectRedis, isRedisReady, REDIS_PROBE_EVERY_MS } from './redis.ts';

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
  await subscriber.subscribe('outage-test');
  relay.stall();
  await waitFor(() => !isRedisReady(subscriber), 'the silent subscribed connection to be given up', REDIS_PROBE_EVERY_MS + 5_000);
  const back = new Promise((resolve) => subscriber!.once('ready', resolve));
  relay.mend();
  await back;
  await waitFor(() => subscriber!.mode === 'subscriber', 'resubscribed (ioredis autoResubscribe)', 5_000);
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
