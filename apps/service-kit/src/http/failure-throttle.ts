/**
 * Counts failed attempts per key (e.g. logins per account) in Redis so every replica shares the
 * count, and in a per-instance LRU while Redis is unreachable: an outage loosens the limit (per
 * replica) but never fails the request. A window opens with the first attempt and is not extended.
 *
 * `attempt` reserves a slot atomically BEFORE the work it guards (INCR, not GET-then-INCR), so a
 * burst of parallel attempts cannot slip past the limit; `succeeded` clears the count, `aborted`
 * gives the slot back when the attempt never got an answer (e.g. the database was down).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis.ts';
import { FIXED_WINDOW_INCR_LUA, localWindowCounter } from './fixed-window.ts';

export interface FailureThrottleOptions {
  readonly redis: Redis;
  /** Redis key prefix, e.g. `tripgen:user:login-failures:`. */
  readonly prefix: string;
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Keys kept by the per-instance fallback (default 10,000). */
  readonly localMaxKeys?: number;
}

export type AttemptVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface FailureThrottle {
  attempt(key: string): Promise<AttemptVerdict>;
  succeeded(key: string): Promise<void>;
  aborted(key: string): Promise<void>;
  /** The Redis key a logical key is stored under (tests, operations). */
  redisKey(key: string): string;
}

// Only gives a slot back while its window lives: never creates a key without a TTL.
const ABORT_LUA = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

interface WithThrottleCommands {
  tripgenThrottleAttempt(key: string, windowMs: string): Promise<[number, number]>;
  tripgenThrottleAbort(key: string): Promise<number>;
}

export const createFailureThrottle = (opts: FailureThrottleOptions): FailureThrottle => {
  const { redis, maxFailures, windowMs } = opts;
  redis.defineCommand('tripgenThrottleAttempt', { numberOfKeys: 1, lua: FIXED_WINDOW_INCR_LUA });
  redis.defineCommand('tripgenThrottleAbort', { numberOfKeys: 1, lua: ABORT_LUA });
  const commands = redis as unknown as WithThrottleCommands;
  const local = localWindowCounter(opts.localMaxKeys ?? 10_000);
  // Keys are hashed: Redis then holds no email addresses, and any key has the same length.
  const redisKey = (key: string) => `${opts.prefix}${createHash('sha256').update(key).digest('base64url')}`;

  const verdict = (count: number, ttlMs: number): AttemptVerdict =>
    count <= maxFailures ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };

  const localAttempt = (key: string): AttemptVerdict => {
    const { count, ttlMs } = local.incr(key, windowMs);
    return verdict(count, ttlMs);
  };

  // Redis errors are swallowed on purpose: the fallback decides, the request goes on.
  const viaRedis = async <T>(run: () => Promise<T>, fallback: () => T): Promise<T> => {
    if (!isRedisReady(redis)) return fallback();
    try {
      return await run();
    } catch {
      return fallback();
    }
  };

  return {
    redisKey,
    attempt: (key) => viaRedis(async () => verdict(...(await commands.tripgenThrottleAttempt(redisKey(key), String(windowMs)))), () => localAttempt(key)),
    async succeeded(key) {
      local.windows.delete(key);
      await viaRedis(async () => void (await redis.del(redisKey(key))), () => undefined);
    },
    async aborted(key) {
      const w = local.windows.get(key);
      if (w && w.count > 0) w.count--;
      await viaRedis(async () => void (await commands.tripgenThrottleAbort(redisKey(key))), () => undefined);
    },
  };
};
