/**
 * The reconnect schedule of the kit's Redis connections (redis.ts reconnectDelayMs): a random share of
 * min(200 ms x attempt, 2 s), AWS's "Full Jitter" ("Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015), so that the connections of every replica, which lose Redis at the same instant, do not
 * all come back at the same instant. Reads the strategy of a client connectRedis built, as ioredis
 * calls it; counts and bounds, no times.
 */
import { quietLogger, unreachableHttpUrl } from '@tripgen/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, RECONNECT_CAP_MS, RECONNECT_STEP_MS } from './redis.ts';

// Port 2, where nothing listens: the client only has to exist.
const redis = connectRedis(unreachableHttpUrl().replace('http:', 'redis:'), quietLogger, 'reconnect-test');
afterAll(() => redis.disconnect());

const DRAWS = 50;

describe('reconnect delays of the kit\'s Redis clients', () => {
  it.each([1, 3, 10, 30])('at attempt %i: within the schedule, and not the same for every connection', (attempt) => {
    const ceiling = Math.min(RECONNECT_STEP_MS * attempt, RECONNECT_CAP_MS);
    // One draw per connection: what each of DRAWS connections that lost Redis together waits.
    const delays = Array.from({ length: DRAWS }, () => redis.options.retryStrategy!(attempt) as number);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    // Before: min(200 x attempt, 2 s) for every one, 1 distinct value.
    expect(new Set(delays).size).toBeGreaterThan(DRAWS / 2);
    // Spread over the schedule, not bunched: some in its lower half, some in its upper half.
    expect(delays.filter((d) => d < ceiling / 2).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d >= ceiling / 2).length).toBeGreaterThan(0);
  });
});
