/**
 * Rate limit store for @fastify/rate-limit (which answers the 429 and its headers) over the shared
 * counter: counted in Redis so every replica shares the budget (catalog RATE_LIMIT: 100/min per
 * user), per instance while Redis is unreachable. Each hit is one atomic increment in Redis, so the
 * budget is exact across replicas, parallel bursts included (replicas.test.ts).
 */
import type { Redis } from 'ioredis';
import { sharedCounter } from './shared-counter.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface Hit {
  consumedPoints: number;
  msBeforeNext: number;
}

export const redisBackedStore = (redis: Redis, prefix: string, max: number, windowMs: number) => {
  const counter = sharedCounter({ redis, prefix, points: max, windowMs });
  // @fastify/rate-limit instantiates the store class itself (`new Store(globalParams)`) and decides
  // from the count: penalty() counts without rejecting (consume() would reject past `max`).
  return class SharedRateLimitStore {
    incr(key: string, cb: Callback): void {
      counter.penalty(key).then(
        (hit: Hit) => cb(null, { current: hit.consumedPoints, ttl: hit.msBeforeNext }),
        (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
      );
    }
    child(): SharedRateLimitStore {
      return this;
    }
  };
};
