/**
 * A subscribed connection Redis stopped answering on (a partition, a dropped route: the socket open,
 * nothing comes back) stays `ready` for ioredis; only the kit's PING (REDIS_PROBE_EVERY_MS) gives the
 * silence away, and the socket timeout (3 x COMMAND_TIMEOUT_MS) then gives the connection up. While it
 * stays up the replica hears no other replica's cache invalidation (its L1 serves stale values) and no
 * revocation (it accepts a signed-out token), and its revocation feed does not start (it reads the
 * issuer only once Redis is not ready). With a PING every 5 s that lasted up to 8 s; now every 1 s,
 * at most 4 s (a PING a second per connection: nothing for Redis). A pause shorter than the socket
 * timeout (a failover's hand-over, a fork) still drops nothing: the timeout, not the probe, decides.
 * The client's timers on a fake clock (the bound is of the clock, not of this machine's speed); the
 * I/O is real: the shared Redis behind a TCP relay that stalls.
 */
import { setImmediate as ioTurn } from 'node:timers/promises';
import { quietLogger, redisUrl, startTcpRelay } from '@tripgen/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { connectRedis, isRedisReady } from './redis.ts';

afterEach(() => void vi.useRealTimers());

/** What docs and the kit README promise: a silent connection is given up within this of its silence. */
const GIVEN_UP_WITHIN_MS = 4_000;

it(`gives up a silent subscribed connection within ${GIVEN_UP_WITHIN_MS} ms of the clock`, async () => {
  const relay = await startTcpRelay({ target: redisUrl() });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const subscriber = connectRedis(relay.via(redisUrl()), quietLogger, 'silent-subscriber-test:sub');
  try {
    // Real turns of the event loop (setImmediate is not faked) for the connection's I/O.
    for (let turn = 0; turn < 100_000 && !isRedisReady(subscriber); turn++) await ioTurn();
    expect(subscriber.status).toBe('ready');
    await subscriber.subscribe('silent-subscriber-test');
    relay.stall();
    // In steps, so that the I/O of each (the PING written, the socket destroyed) happens in between.
    for (let ms = 0; ms < GIVEN_UP_WITHIN_MS + 100 && isRedisReady(subscriber); ms += 50) {
      await vi.advanceTimersByTimeAsync(50);
      for (let turn = 0; turn < 20; turn++) await ioTurn();
    }
    // Before: still ready (the first PING due 5 s after the connection, its socket timeout 3 s later).
    expect(subscriber.status).not.toBe('ready');
  } finally {
    vi.useRealTimers();
    subscriber.disconnect();
    await relay.close();
  }
});
