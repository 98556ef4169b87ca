/**
 * Rate limit store for @fastify/rate-limit: counts in Redis so every replica shares the budget
 * (catalog RATE_LIMIT: 100/min per user), and in a per-instance LRU while Redis is unreachable,
 * so a Redis outage loosens the limit (per replica) instead of failing or disabling it.
 */
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis.ts';
import { FIXED_WINDOW_INCR_LUA, localWindowCounter } from './fixed-window.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface WithRateLimitCommand {
  tripgenRateLimit(key: string, windowMs: string): Promise<[number, number]>;
}

export const redisBackedStore = (redis: Redis, prefix: string) => {
  // defineCommand sends EVALSHA (the script is loaded once), not the script on every request.
  redis.defineCommand('tripgenRateLimit', { numberOfKeys: 1, lua: FIXED_WINDOW_INCR_LUA });
  const limiter = redis as unknown as WithRateLimitCommand;
  const local = localWindowCounter(10_000);
  const localIncr = (key: string, timeWindow: number) => {
    const { count, ttlMs } = local.incr(key, timeWindow);
    return { current: count, ttl: ttlMs };
  };
  // @fastify/rate-limit instantiates the store class itself (`new Store(globalParams)`).
  return class RedisOrLocalStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      if (!isRedisReady(redis)) return cb(null, localIncr(key, timeWindow));
      limiter
        .tripgenRateLimit(`${prefix}${key}`, String(timeWindow))
        .then(([current, ttl]) => cb(null, { current, ttl }))
        .catch(() => cb(null, localIncr(key, timeWindow)));
    }
    child(): RedisOrLocalStore {
      return this;
    }
  };
};
