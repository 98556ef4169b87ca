/**
 * A local allowance over the shared counter, as API gateways keep one (token leasing): instead of
 * one Redis round trip per request, a replica takes a small lease of the key's window budget from
 * the shared counter with one atomic increment, serves those requests from memory, and goes back
 * to Redis when the lease is spent or its window has ended. rate-limiter-flexible counts in Redis
 * (and, while Redis is unreachable, in its in-memory insurance limiter); it has no leasing of its
 * own (its inMemoryBlock options only skip Redis for a key already past its limit), so the lease
 * bookkeeping below is written here.
 *
 * Bounds (N replicas serving one key, L = LEASE_MAX):
 * - overshoot 0 while Redis answers: the increment hands each replica distinct tokens of the
 *   window, only tokens within the budget are served, and a lease ends locally at (time the lease
 *   was asked + the window's PTTL Redis answered), never after the window it belongs to;
 * - undershoot at most (N - 1) * L per window: tokens leased by a replica the key's requests no
 *   longer reach stay unused until the window ends. Leases start at 1 token in a window and double
 *   with each renewal (a replica that sees a key once or twice takes no more than it serves, e.g.
 *   anonymous requests of one address to many short-lived processes), and shrink to a quarter of
 *   the budget last seen left (near the limit they are 1 token). A renewal takes one more token
 *   for each further request waiting on it: those are served as soon as it is answered, so they
 *   leave nothing unused and the bound stays the growth part's;
 * - Redis unreachable: the insurance limiter counts per instance, up to N times the budget.
 */
import { LRUCache } from 'lru-cache';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** Tokens a replica leases at most ahead of its requests: one Redis round trip per 10 requests of a key at most (fewer when requests wait together). */
export const LEASE_MAX = 10;

export interface Allowance {
  /** Global count as of this request (> points when refused), and ms until the key's window ends. */
  readonly current: number;
  readonly ttl: number;
}

/** Told the allowance of one request, or (allowance undefined) why there is none. */
export type Waiter = (allowance: Allowance | undefined, err?: unknown) => void;

interface Lease {
  /** Tokens of the lease not yet served. */
  left: number;
  /** The shared count as of the lease's last token (the lease serves last - left + 1 .. last). */
  last: number;
  /** Its growth part: tokens it asked for beyond one per further waiting request (the next one's is twice as many, up to LEASE_MAX). */
  size: number;
  /** Date.now() after which the lease is void (never later than its Redis window). */
  expiresAt: number;
  /** The window's budget is spent: refuse locally until expiresAt. */
  spent: boolean;
  /** A renewal in flight: concurrent requests of the key wait for it (here) instead of asking Redis too. */
  waiters?: Waiter[];
}

export interface LocalAllowanceOptions {
  /** The shared counter (penalty(key, n) increments by n atomically and answers the new count). */
  readonly counter: Pick<RateLimiterAbstract, 'penalty'>;
  /** The window's budget per key. */
  readonly points: number;
  /** Keys with a live lease kept at most (a lease dropped early only leaves its tokens unused). */
  readonly maxKeys?: number;
}

/** The next lease of a key: twice the previous one of the same window (1 for its first), at most LEASE_MAX and a quarter of the budget seen left. */
export const leaseSize = (leftSeen: number, previousSize = 0): number => Math.max(1, Math.min(LEASE_MAX, previousSize * 2, Math.floor(leftSeen / 4)));

export const createLocalAllowance = ({ counter, points, maxKeys = 10_000 }: LocalAllowanceOptions) => {
  const leases = new LRUCache<string, Lease>({ max: maxKeys });

  /** `waiting`: the requests waiting on this renewal, each served one of its tokens as soon as it is answered. */
  const renew = async (key: string, previous: Lease | undefined, waiting: number): Promise<void> => {
    // This replica's previous lease of the same window: the budget it saw left, and its size.
    const current = previous && previous.expiresAt > Date.now() ? previous : undefined;
    // The lease as it grows (its first token for the first waiting request), plus a token for each
    // other request waiting: they spend theirs at once, so what a replica can leave unused (the
    // undershoot bound) is still the growth part's, under LEASE_MAX.
    const growth = current ? leaseSize(points - current.last, current.size) : leaseSize(points);
    const size = waiting - 1 + growth;
    const askedAt = Date.now();
    const res: RateLimiterRes = await counter.penalty(key, size);
    const granted = Math.max(0, Math.min(size, points - (res.consumedPoints - size)));
    leases.set(key, {
      left: granted,
      last: Math.min(res.consumedPoints, points),
      size: growth,
      expiresAt: askedAt + res.msBeforeNext,
      spent: res.consumedPoints >= points,
    });
  };

  /** One request of `key` answered from memory (its lease, or its spent window), or undefined: call take. */
  const takeLocal = (key: string): Allowance | undefined => {
    const now = Date.now();
    const lease = leases.get(key);
    if (lease && lease.expiresAt > now) {
      if (lease.left > 0) {
        lease.left--;
        return { current: lease.last - lease.left, ttl: lease.expiresAt - now };
      }
      if (lease.spent) return { current: points + 1, ttl: lease.expiresAt - now };
    }
    return undefined;
  };

  /**
   * One request of `key`, answered to `then`: from the lease when it can be, else after a renewal
   * (the requests of a key that arrive meanwhile wait for the same one). Callbacks, not an async
   * loop: with many requests of one key in flight most of them wait, and an awaiting async function
   * per waiter and per renewal made about 1 KB of garbage per request (issue 15).
   */
  const takeThen = (key: string, then: Waiter): void => {
    const local = takeLocal(key);
    if (local) return then(local);
    const lease = leases.get(key);
    if (lease?.waiters) {
      lease.waiters.push(then);
      return;
    }
    // An expired lease keeps only the waiters of its renewal.
    const holder: Lease = lease ?? { left: 0, last: 0, size: 0, expiresAt: 0, spent: false };
    const waiters = [then];
    holder.waiters = waiters;
    if (!lease) leases.set(key, holder);
    const answer = (err: unknown, failed: boolean) => {
      holder.waiters = undefined;
      // In arrival order; each takes again (a spent lease starts the next renewal). One failing
      // callback must not leave the others waiting: its error is thrown on its own.
      for (const w of waiters) {
        try {
          if (failed) w(undefined, err);
          else takeThen(key, w);
        } catch (thrown) {
          process.nextTick(() => {
            throw thrown;
          });
        }
      }
    };
    // Asked after this turn of the event loop's I/O (setImmediate): the requests of the key read in
    // the same turn, and those left over when the last lease ran out, join this renewal and are
    // counted in it, one round trip for all of them (issue 15).
    setImmediate(() =>
      renew(key, lease, waiters.length).then(
        () => answer(undefined, false),
        (err: unknown) => answer(err, true),
      ),
    );
  };

  /** takeThen as a promise. */
  const take = (key: string): Promise<Allowance> =>
    new Promise((resolve, reject) => takeThen(key, (a, err) => (a ? resolve(a) : reject(err instanceof Error ? err : new Error(String(err))))));

  return { take, takeThen, takeLocal };
};
