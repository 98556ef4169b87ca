/**
 * The per-user rate limit: an onRequest hook on every route but the exempt ones, right after the
 * route's authentication, so that every request of a signed-in user counts before its body is read
 * (a 400, 413 or 415 spends the budget too, and a user past it is refused without a byte of the
 * body parsed), and a refused token (401) does not. It counts over the shared
 * counter: in Redis so every replica shares the budget (catalog RATE_LIMIT: 100/min per user), per
 * instance while Redis is unreachable. A replica takes the budget from Redis in small leases and
 * serves them locally (local-allowance.ts: one round trip per LEASE_MAX requests or more, instead of one
 * per request, issue 15); a parallel burst across replicas still gets at most the budget
 * (replicas.test.ts). Past it: 429 problem+json with Retry-After and the x-ratelimit-* headers.
 *
 * Hand-written rather than @fastify/rate-limit: its async hook (about five promises and a
 * `routeOptions` object per request) took 5.9 µs a request in the profile of a cached GET, against
 * 0.1 µs for this hook (load 10, issue 15), for what is here one synchronous check of the lease.
 */
import { REDIS_KEY_PREFIXES } from '@tripgen/catalog';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { HttpProblem } from './problem.ts';
import { createLocalAllowance, type Allowance } from './local-allowance.ts';
import { giveBackHit, hitOf, sharedCounter, type Hit } from './shared-counter.ts';

/** Where the per-user limits count in Redis (keys `<prefix>:<key>`; an operation budget's `<prefix>:<name>:<key>`). */
export const RATE_LIMIT_PREFIX = REDIS_KEY_PREFIXES.rateLimit;
/** Whose budget a signed-in caller's request spends: the general limit's key and every operation budget's. */
export const userLimitKey = (userId: string): string => `user:${userId}`;

export interface RateLimitOptions {
  readonly redis: Redis;
  /** Redis key prefix without the trailing colon (keys are `<prefix>:<key>`). */
  readonly prefix: string;
  /** Requests per key per window. */
  readonly max: number;
  readonly windowMs: number;
  /** Whose budget a request of a route (by its template) spends, decided once when the route is added. */
  readonly keyFor: (routeUrl: string) => (request: FastifyRequest) => string;
  /** Routes (by their template) outside the limit, decided once when each route is added. */
  readonly exempt: (routeUrl: string) => boolean;
  /**
   * The onRequest hook that refuses a caller without a valid token (the kit's `authenticate`), first
   * of a route's own onRequest hooks when the route asks for one: the limit runs right after it, so
   * that a 401 spends nothing and a 429 comes before the route's other hooks and the body.
   */
  readonly after: unknown;
}

/** The headers of a 429 (docs/api.md promises Retry-After; x-ratelimit-* are sent on the 429 only, issue 15). */
export const rateLimitedHeaders = (max: number, ttlMs: number): Record<string, string> => {
  const seconds = String(Math.ceil(ttlMs / 1000));
  return { 'x-ratelimit-limit': String(max), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': seconds, 'retry-after': seconds };
};

/** The 429 of a key past its limit, `ttlMs` before its window ends: the general limit's, and an operation budget's (`what`: its requests). */
export const rateLimited = (max: number, ttlMs: number, what = 'requests'): HttpProblem => {
  const seconds = Math.ceil(ttlMs / 1000);
  return new HttpProblem(429, `Rate limit of ${max} ${what} per minute exceeded; retry in ${seconds} second${seconds === 1 ? '' : 's'}`, {}, rateLimitedHeaders(max, ttlMs));
};

export interface OperationBudgetOptions {
  readonly redis: Redis;
  /** The operation, in its Redis keys (`<RATE_LIMIT_PREFIX>:<name>:user:<id>`). */
  readonly name: string;
  /** What a request of it is, in the 429's detail ("schedule requests"). */
  readonly what: string;
  readonly max: number;
  readonly windowMs: number;
}

/** One of a budget (a user's operation, an account's failed attempts), taken in one window: given back, it goes to that window only. */
export type BudgetSlot = Hit;

export interface OperationBudget {
  /** Spends one of the user's budget before the operation is done, or throws the 429 (a refusal spends nothing). */
  spend(userId: string): Promise<BudgetSlot>;
  /** Spends one as spend does, or answers false past the budget: for an operation that has a cheaper answer than a 429. */
  trySpend(userId: string): Promise<boolean>;
  /**
   * Throws the 429 spend would throw while the user's budget is spent, spending nothing (one read):
   * a refusal before costlier work (a transaction, a lock) that spend then decides exactly. Not a
   * promise of room: spend may still refuse a request let past it, and a slot spent and about to be
   * given back (its operation failing) counts here as spent.
   */
  refuseIfSpent(userId: string): Promise<void>;
  /**
   * Gives back what spend took when the operation then did not happen (refused, lost a race,
   * failed), to the window it was taken from: nothing once that window has ended (it would be one
   * more than the limit in the next).
   */
  giveBack(slot: BudgetSlot): Promise<void>;
}

/**
 * A per-user budget of one costly operation, on top of the general limit: the same shared counter
 * (every replica counts in Redis, each instance alone while Redis is unreachable) and the same 429,
 * spent by the operation's code where it is about to do the costly work, not by a route hook: a
 * request refused for any other reason (400, 404, 409, an Idempotency-Key replay) must not spend it,
 * and only the handler knows. Exact, without the general limit's leases: a costly operation is
 * worth one round trip, and a lease would leave tokens of a 10-a-minute budget on another replica.
 */
export const operationBudget = (opts: OperationBudgetOptions): OperationBudget => {
  const counter = sharedCounter({ redis: opts.redis, prefix: `${RATE_LIMIT_PREFIX}:${opts.name}`, points: opts.max, windowMs: opts.windowMs });
  /** The slot spent, or how long until the window ends when the budget is spent (nothing kept). */
  const take = async (userId: string): Promise<{ slot: BudgetSlot } | { refusedForMs: number }> => {
    const key = userLimitKey(userId);
    try {
      return { slot: hitOf(key, await counter.consume(key)) };
    } catch (err) {
      // The limiter rejects with its result past the limit; anything else is not a refusal.
      if (!(err instanceof RateLimiterRes)) throw err;
      // It counted the refusal too: taken back, so that a slot given back later is free again (the
      // count never drops below the limit this way: each refusal added one first).
      await giveBackHit(counter, opts.redis, hitOf(key, err));
      return { refusedForMs: err.msBeforeNext };
    }
  };
  return {
    async spend(userId) {
      const taken = await take(userId);
      if ('refusedForMs' in taken) throw rateLimited(opts.max, taken.refusedForMs, opts.what);
      return taken.slot;
    },
    trySpend: async (userId) => 'slot' in (await take(userId)),
    async refuseIfSpent(userId) {
      // The limiter's read, from its insurance count while Redis is unreachable or silent; a read that
      // fails all the same refuses nothing: spend decides.
      const now = await counter.get(userLimitKey(userId)).catch(() => null);
      if (now && now.consumedPoints >= opts.max) throw rateLimited(opts.max, now.msBeforeNext, opts.what);
    },
    giveBack: (slot) => giveBackHit(counter, opts.redis, slot),
  };
};

/** Adds the limit to every route registered after this call (as the kit's other per-route hooks). */
export const registerRateLimit = (app: FastifyInstance, opts: RateLimitOptions): void => {
  const { max } = opts;
  const allowance = createLocalAllowance({ counter: sharedCounter({ redis: opts.redis, prefix: opts.prefix, points: max, windowMs: opts.windowMs }), points: max });

  const decide = (a: Allowance, done: (err?: Error) => void): void => {
    if (a.current <= max) return done();
    done(rateLimited(max, a.ttl));
  };
  // Fastify's callback, not a promise: most requests are answered from the lease at once.
  const limitBy = (keyOf: (request: FastifyRequest) => string): onRequestHookHandler => {
    // Named: the route's hooks are listed by name (printRoutes, the tests).
    const rateLimit: onRequestHookHandler = (request, _reply, done) => {
      const key = keyOf(request);
      const local = allowance.takeLocal(key);
      if (local) return decide(local, done);
      allowance.takeThen(key, (a, err) => (a ? decide(a, done) : done(err instanceof Error ? err : new Error(String(err)))));
    };
    return rateLimit;
  };
  // An onRequest hook, not a preHandler: a preHandler runs after the body is read, parsed and
  // validated, so a signed-in client could send any number of bad bodies (400, 413, 415), each parsed
  // and none counted. After authentication (added to the route by an earlier onRoute hook; the
  // app-wide hooks, which read the token, run before every route's own): a 401 is not counted.
  // Before the route's other onRequest hooks: a refused request does none of their work.
  app.addHook('onRoute', (routeOptions) => {
    if (opts.exempt(routeOptions.url)) return;
    const limit = limitBy(opts.keyFor(routeOptions.url));
    const own = routeOptions.onRequest;
    const hooks = own === undefined ? [] : Array.isArray(own) ? own : [own];
    const at = hooks[0] === opts.after ? 1 : 0;
    // A new array: the HEAD route Fastify adds for a GET starts from the GET's options as given.
    routeOptions.onRequest = [...hooks.slice(0, at), limit, ...hooks.slice(at)];
  });
};
