/**
 * The counter under the per-user rate limit and the failure throttle: rate-limiter-flexible's Redis
 * limiter (one atomic SET NX + INCRBY + PTTL script per hit, so every replica shares the count and a
 * parallel burst cannot slip past it) with its in-memory insurance limiter, which counts per
 * instance while Redis is unreachable: an outage loosens the limit (per replica) but never fails or
 * disables it. A window opens with the first hit and is not extended.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface SharedCounterOptions {
  readonly redis: Redis;
  /** Redis key prefix without the trailing colon, e.g. `tripgen:ratelimit` (keys are `<prefix>:<key>`). */
  readonly prefix: string;
  /** Hits allowed per window (consume() rejects past it; penalty() only counts). */
  readonly points: number;
  readonly windowMs: number;
}

export const sharedCounter = (opts: SharedCounterOptions): RateLimiterRedis => {
  // The library's windows are whole seconds (at least one).
  const duration = Math.max(1, Math.round(opts.windowMs / 1000));
  return new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: opts.prefix,
    points: opts.points,
    duration,
    // The kit's clients have no offline queue: a command sent while disconnected would only fail later.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: opts.prefix, points: opts.points, duration }),
  });
};
