/**
 * Rate limit store for @fastify/rate-limit (which answers the 429 and its headers) over the shared
 * counter: counted in Redis so every replica shares the budget (catalog RATE_LIMIT: 100/min per
 * user), per instance while Redis is unreachable. A replica takes the budget from Redis in small
 * leases and serves them locally (local-allowance.ts: about one round trip per LEASE_MAX requests
 * instead of one per request, issue 15); a parallel burst across replicas still gets at most the
 * budget (replicas.test.ts).
 */
import type { Redis } from 'ioredis';
import { createLocalAllowance } from './local-allowance.ts';
import { sharedCounter } from './shared-counter.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

export const redisBackedStore = (redis: Redis, prefix: string, max: number, windowMs: number) => {
  const allowance = createLocalAllowance({ counter: sharedCounter({ redis, prefix, points: max, windowMs }), points: max });
  // @fastify/rate-limit instantiates the store class itself (`new Store(globalParams)`) and decides
  // from the count (current > max answers 429).
  return class SharedRateLimitStore {
    incr(key: string, cb: Callback): void {
      // Most requests are answered from the lease at once, without a promise of their own.
      const local = allowance.takeLocal(key);
      if (local) return cb(null, local);
      allowance.take(key).then(
        (res) => cb(null, res),
        (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
      );
    }
    child(): SharedRateLimitStore {
      return this;
    }
  };
};
