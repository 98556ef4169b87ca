/**
 * Rate limit store for @fastify/rate-limit: counts in Redis so every replica shares the budget
 * (catalog RATE_LIMIT: 100/min per user), and in a per-instance LRU while Redis is unreachable,
 * so a Redis outage loosens the limit (per replica) instead of failing or disabling it.
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { isRedisReady } from '../redis.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

const INCR_LUA = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {current, ttl}`;

interface Window {
  current: number;
  resetAt: number;
}

interface WithRateLimitCommand {
  tripgenRateLimit(key: string, windowMs: string): Promise<[number, number]>;
}

export const redisBackedStore = (redis: Redis, prefix: string) => {
  // defineCommand sends EVALSHA (the script is loaded once), not the script on every request.
  redis.defineCommand('tripgenRateLimit', { numberOfKeys: 1, lua: INCR_LUA });
  const limiter = redis as unknown as WithRateLimitCommand;
  const local = new LRUCache<string, Window>({ max: 10_000 });
  const localIncr = (key: string, timeWindow: number) => {
    const now = Date.now();
    let w = local.get(key);
    if (!w || w.resetAt <= now) w = { current: 0, resetAt: now + timeWindow };
    w.current++;
    local.set(key, w);
    return { current: w.current, ttl: w.resetAt - now };
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
