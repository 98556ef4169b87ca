/**
 * The counter under the per-user rate limit and the failure throttle: rate-limiter-flexible's Redis
 * limiter (one atomic SET NX + INCRBY + PTTL script per hit, so every replica shares the count and a
 * parallel burst cannot slip past it) with its in-memory insurance limiter, which counts per
 * instance while Redis is unreachable: an outage loosens the limit (per replica) but never fails or
 * disables it. A window opens with the first hit and is not extended.
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { answersPromptly, COMMAND_TIMEOUT_MS } from '../redis.ts';

export interface SharedCounterOptions {
  readonly redis: Redis;
  /** Redis key prefix without the trailing colon, e.g. the catalog's REDIS_KEY_PREFIXES.rateLimit (keys are `<prefix>:<key>`). */
  readonly prefix: string;
  /** Hits allowed per window (consume() rejects past it; penalty() only counts). */
  readonly points: number;
  readonly windowMs: number;
}

/**
 * rate-limiter-flexible 11's `rejectIfRedisNotReady` ("reject / invoke insuranceLimiter immediately
 * when redis connection is not ready") reads the client's status alone (RateLimiterRedis#_isRedisReady):
 * a hung Redis's connection is `ready` until it is given up, so every count waited its command
 * timeout. Here not ready also while the connection is silent (redis.ts answersPromptly): the insurance
 * count answers at once.
 */
class PromptRateLimiterRedis extends RateLimiterRedis {
  readonly #redis: Redis;
  /** The insurance count (the library's insuranceLimiter), where a hit counted in memory is given back. */
  readonly insurance: InsuranceCount;
  constructor(redis: Redis, insurance: InsuranceCount, opts: ConstructorParameters<typeof RateLimiterRedis>[0]) {
    super({ ...opts, insuranceLimiter: insurance });
    this.#redis = redis;
    this.insurance = insurance;
  }
  // Overrides the library's own check (not in its typings), which every store command asks first.
  _isRedisReady(): boolean {
    return answersPromptly(this.#redis);
  }
}

/** What the insurance count answered (a hit counted in memory, not in Redis). */
const countedInMemory = new WeakSet<RateLimiterRes>();
const markedInMemory = (answer: Promise<RateLimiterRes>): Promise<RateLimiterRes> =>
  answer.then(
    (res) => (countedInMemory.add(res), res),
    (err: unknown) => {
      // Past the limit the limiter rejects with its result: counted all the same.
      if (err instanceof RateLimiterRes) countedInMemory.add(err);
      throw err;
    },
  );

/**
 * The in-memory insurance count, telling its answers apart from Redis's: a hit it counted is given
 * back to it. Given back to Redis instead (Redis answering again by then), it took one off the Redis
 * count of a window that never counted it, one more than the limit there (operation-budget.test.ts
 * 'gives a slot taken in memory while Redis was silent ...').
 */
class InsuranceCount extends RateLimiterMemory {
  override consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    return markedInMemory(super.consume(...args));
  }
  override penalty(...args: Parameters<RateLimiterMemory['penalty']>): Promise<RateLimiterRes> {
    return markedInMemory(super.penalty(...args));
  }
}

export type SharedCounter = PromptRateLimiterRedis;

export const sharedCounter = (opts: SharedCounterOptions): SharedCounter => {
  // The library's windows are whole seconds (at least one).
  const duration = Math.max(1, Math.round(opts.windowMs / 1000));
  return new PromptRateLimiterRedis(opts.redis, new InsuranceCount({ keyPrefix: opts.prefix, points: opts.points, duration }), {
    storeClient: opts.redis,
    keyPrefix: opts.prefix,
    points: opts.points,
    duration,
    // The kit's clients have no offline queue: a command sent while disconnected would only fail later.
    rejectIfRedisNotReady: true,
  });
};

/** A hit counted in a key's window: what is needed to give it back to that window and no other. */
export interface Hit {
  readonly key: string;
  /** performance.now() when the window it was counted in ends (as Redis, or the insurance count, answered it). */
  readonly windowEndsAt: number;
  /** Counted by the in-memory insurance count (Redis unreachable or silent), not in Redis. */
  readonly inMemory: boolean;
}

export const hitOf = (key: string, counted: RateLimiterRes): Hit => ({ key, windowEndsAt: performance.now() + counted.msBeforeNext, inMemory: countedInMemory.has(counted) });

/**
 * Takes one back from the key's count only while the window is the one the hit was counted in: the
 * key still there, ending when that window ends. A later window opened after the hit's ended ends at
 * least one window length later; one opened after the key was deleted (an operator's, a flush)
 * ends later by the time between the two first hits, which may be seconds. The end the hit was told
 * is off by at most its answer's way back, the give-back's by its way there, each within a command's
 * timeout: so the tolerance is three of those (never more than half a window). A hit answered later
 * than that (an event loop stalled for seconds) is not given back: the limit stays strict.
 */
const GIVE_BACK_LUA = `local ttl = redis.call('pttl', KEYS[1])
if ttl < 0 or math.abs(ttl - tonumber(ARGV[1])) > tonumber(ARGV[2]) then return 0 end
redis.call('decr', KEYS[1])
return 1`;
const toleranceMsOf = (counter: RateLimiterRedis): number => Math.min((counter.duration * 1000) / 2, 3 * COMMAND_TIMEOUT_MS);

/**
 * Gives a hit back to the window it was counted in; nothing when that window has ended. The
 * library's reward() cannot: after the window it recreates the key at -1 with a fresh window (or
 * takes one from a window opened since), which then admits one more than the limit.
 * While Redis is unreachable (or silent: redis.ts answersPromptly) the hit is given back to the in-memory insurance count (through
 * reward(), which answers from it then), as the outage loosens the limit anyway. A script that was
 * sent and failed (the command timeout: Redis slow) gives nothing more: it may have run, answered
 * late, and a reward() after it was a second give-back of one hit (one more than the limit).
 * A hit the insurance count took (Redis unreachable or silent then) goes back to it, never to Redis.
 */
export const giveBackHit = async (counter: SharedCounter, redis: Redis, hit: Hit): Promise<void> => {
  const remainingMs = Math.round(hit.windowEndsAt - performance.now());
  if (remainingMs <= 0) return;
  if (hit.inMemory) {
    // Only to the memory window it was counted in (one reopened since ends a window later).
    const now = await counter.insurance.get(hit.key);
    if (now && Math.abs(now.msBeforeNext - remainingMs) <= toleranceMsOf(counter)) await counter.insurance.reward(hit.key);
    return;
  }
  if (!answersPromptly(redis)) {
    await counter.reward(hit.key).catch(() => undefined);
    return;
  }
  await redis.eval(GIVE_BACK_LUA, 1, counter.getKey(hit.key), remainingMs, toleranceMsOf(counter)).catch(() => undefined);
};
