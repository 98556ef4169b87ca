/**
 * Counts failed attempts per key (refused access tokens per client address) on the shared counter: in Redis so every
 * replica shares the count, per instance while Redis is unreachable (an outage loosens the limit
 * per replica but never fails the request).
 *
 * Only failures are counted, never an attempt in flight (rate-limiter-flexible's "login endpoint
 * protection": read the count, do the work, count a failure): parallel first uses of a good token
 * must never be refused for being in flight. `refusal` answers before the work, so a locked key
 * costs none; `failed` counts atomically, each failure told by its own increment whether it is within
 * the limit (told as a failure), the one that locks, or past it (answered as a refusal). A success
 * clears nothing: a good token says nothing about the address's bad ones, and the window ends them.
 */
import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { hashAddress } from './address-hash.ts';
import { sharedCounter } from './shared-counter.ts';

export interface FailureThrottleOptions {
  readonly redis: Redis;
  /** Redis key prefix, e.g. the catalog's REDIS_KEY_PREFIXES.tokenRefusals (keys are `<prefix>:<hash>`). */
  readonly prefix: string;
  /** The HMAC key the keys are stored under (address-hash.ts addressHashKey): the same wherever one count is meant. */
  readonly hashKey: Buffer;
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** What one counted failure is answered. */
export type FailureVerdict =
  /** Within the limit: told as a failure. `locked`: this one reached the limit (the one to log). */
  | { readonly refused: false; readonly locked: boolean }
  /** Past the limit (the failures of a parallel burst counted before it): answered as a refusal, so it tells nothing. */
  | { readonly refused: true; readonly retryAfterSeconds: number };

export interface FailureThrottle {
  /**
   * Before the work: the seconds to wait while the key is at its limit, else undefined. Nothing is
   * counted, so parallel attempts all pass until their failures are recorded.
   */
  refusal(key: string): Promise<number | undefined>;
  /** Counts one failure of work `refusal` let through. */
  failed(key: string): Promise<FailureVerdict>;
  /** The Redis key a logical key is stored under (tests, operations). */
  redisKey(key: string): string;
}

/** Whole seconds until the window ends, at least 1 (Retry-After). */
const retryAfterSeconds = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export const createFailureThrottle = (opts: FailureThrottleOptions): FailureThrottle => {
  const counter = sharedCounter({ redis: opts.redis, prefix: opts.prefix, points: opts.maxFailures, windowMs: opts.windowMs });
  // Keys are keyed hashes: Redis then holds no client address, and any key has the same length. A plain
  // SHA-256 of an IPv4 address was undone by trying all 2^32 of them in seconds.
  const hashed = (key: string) => hashAddress(opts.hashKey, key);
  return {
    redisKey: (key) => counter.getKey(hashed(key)),
    async refusal(key) {
      const res = await counter.get(hashed(key));
      return res && res.consumedPoints >= opts.maxFailures ? retryAfterSeconds(res) : undefined;
    },
    async failed(key) {
      try {
        const res = await counter.consume(hashed(key));
        return { refused: false, locked: res.remainingPoints === 0 };
      } catch (err) {
        // Past the limit the limiter rejects with its result, the failure counted all the same; anything else is a bug.
        if (!(err instanceof RateLimiterRes)) throw err;
        return { refused: true, retryAfterSeconds: retryAfterSeconds(err) };
      }
    },
  };
};
