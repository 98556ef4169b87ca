/**
 * Counts failed attempts per key (e.g. logins per account) on the shared counter: in Redis so every
 * replica shares the count, per instance while Redis is unreachable (an outage loosens the limit
 * per replica but never fails the request).
 *
 * `attempt` reserves a slot atomically BEFORE the work it guards (an increment, not read-then-write),
 * so a burst of parallel attempts cannot slip past the limit; `succeeded` clears the count, `aborted`
 * gives the slot back when the attempt never got an answer (e.g. the database was down), to the
 * window it was taken in only, as an operation budget's (`giveBackHit`); a refused attempt takes no
 * slot.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { BudgetSlot } from './rate-limit.ts';
import { giveBackHit, hitOf, sharedCounter } from './shared-counter.ts';

export interface FailureThrottleOptions {
  readonly redis: Redis;
  /** Redis key prefix, e.g. the catalog's REDIS_KEY_PREFIXES.loginFailures (keys are `<prefix>:<hash>`). */
  readonly prefix: string;
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** An allowed attempt holds its slot: what `aborted` gives back. */
export type AttemptVerdict =
  /** `last`: this attempt took the window's last slot, so its failure locks the key (the one to log). */
  | { readonly allowed: true; readonly slot: BudgetSlot; readonly last: boolean }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface FailureThrottle {
  attempt(key: string): Promise<AttemptVerdict>;
  succeeded(key: string): Promise<void>;
  /**
   * Gives back the slot of an attempt that never got an answer, to the window it was taken in:
   * nothing once that window has ended (it would be one attempt more than the limit in the next).
   */
  aborted(slot: BudgetSlot): Promise<void>;
  /**
   * For work that is cheap to let through and counts only when it fails (a token's check: a good
   * one must never wait on a slot): the seconds to wait while the key is past its limit, else
   * undefined. Nothing is counted; parallel attempts all pass until their failures are recorded.
   */
  refusal(key: string): Promise<number | undefined>;
  /** Counts one failure of work `refusal` let through. */
  failed(key: string): Promise<void>;
  /** The Redis key a logical key is stored under (tests, operations). */
  redisKey(key: string): string;
}

/** Whole seconds until the window ends, at least 1 (Retry-After). */
const retryAfterSeconds = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export const createFailureThrottle = (opts: FailureThrottleOptions): FailureThrottle => {
  const counter = sharedCounter({ redis: opts.redis, prefix: opts.prefix, points: opts.maxFailures, windowMs: opts.windowMs });
  // Keys are hashed: Redis then holds no email addresses, and any key has the same length.
  const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

  return {
    redisKey: (key) => counter.getKey(hashed(key)),
    async attempt(key) {
      const counted = hashed(key);
      try {
        const res = await counter.consume(counted);
        return { allowed: true, slot: hitOf(counted, res), last: res.remainingPoints === 0 };
      } catch (err) {
        // The limiter rejects with its result when the key is over the limit; anything else is a bug.
        if (!(err instanceof RateLimiterRes)) throw err;
        // A refused attempt did no work, yet the limiter counted it: taken back, so that refusals
        // (a burst while reserved attempts wait on a stalled database) cannot outlast the aborted
        // attempts given back and lock the account for the window. The count never drops below the
        // limit this way: each refusal adds one before it takes one back.
        await giveBackHit(counter, opts.redis, hitOf(counted, err));
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(err) };
      }
    },
    async succeeded(key) {
      await counter.delete(hashed(key));
    },
    aborted: (slot) => giveBackHit(counter, opts.redis, slot),
    async refusal(key) {
      const counted = await counter.get(hashed(key));
      return counted && counted.consumedPoints >= opts.maxFailures ? retryAfterSeconds(counted) : undefined;
    },
    async failed(key) {
      try {
        await counter.consume(hashed(key));
      } catch (err) {
        // Past the limit the limiter rejects with its result, the failure counted all the same.
        if (!(err instanceof RateLimiterRes)) throw err;
      }
    },
  };
};
