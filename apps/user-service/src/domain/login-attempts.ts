/**
 * Password checks per account (normalised email), shared by every replica through Redis: each check
 * reserves one of the account's remaining allowance before its hash is verified, so the checks in
 * flight plus the failures recorded never exceed `maxFailures`. A parallel burst of guesses costs at
 * most the allowance in argon2id verifications; the rest wait for a slot and, once the failures
 * reach the limit, are answered the lock without a check. A right password gives its slot back, so
 * right logins sent at once (an app retrying, several devices) wait their turn and all pass: none is
 * refused for being in flight, as when a reservation was only returned at the request's end
 * (da8b968). A reservation left by a pod that stopped mid-check lapses after `reservationMs`.
 *
 * A success disregards only the failures from its own client address recorded before its check
 * began (NIST SP 800-63B 5.2.2: "the verifier SHOULD disregard any previous failed attempts for that
 * user from the same IP address"): the traveller's own typos go, an attacker's guesses from other
 * addresses stay counted toward the lock (OWASP Authentication Cheat Sheet, account lockout: the
 * counter belongs to the account, not to an address), as do failures recorded while it was checked.
 *
 * No library fits: rate-limiter-flexible counts hits of one key (its login protection counts only
 * failures, which is what let a burst through), and redis-semaphore's limit is fixed, where this one
 * is what the failures leave. One Lua script per step keeps each atomic across replicas; the keys of
 * an account share a hash tag, so a sharded Redis runs them on one shard.
 *
 * While Redis is unreachable (or a command fails) each replica counts on its own, as the shared
 * counter's insurance limiter did: an outage loosens the limit per replica but never fails a login.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { answersPromptly, hashAddress, type FailureVerdict, type Kit } from '@tripgen/service-kit';
import { WaitQueue } from './wait-queue.ts';

type Redis = Kit['redis'];

export interface LoginAttemptsOptions {
  readonly redis: Redis;
  /** Redis key prefix (the catalog's REDIS_KEY_PREFIXES.loginFailures). */
  readonly prefix: string;
  /**
   * The key of the HMAC-SHA-256 that emails and client addresses are stored under (signing-keys.ts
   * loginThrottleKey, from the mounted secret): every replica's the same, so they count together.
   */
  readonly hashKey: Buffer;
  readonly maxFailures: number;
  /** From the first failure: the window the failures are counted in (and the lock lasts). */
  readonly windowMs: number;
  /** How long a reservation holds at most, and how long a check waits for one. */
  readonly reservationMs: number;
}

/** A reserved check: exactly one of its three ends is called. */
export interface Attempt {
  /** Answered as the kit's failure throttle answers a failure; refused here only for a reservation that lapsed before its failure was recorded. */
  failed(): Promise<FailureVerdict>;
  /** The seconds to wait when the account is locked meanwhile (the success must not be told), else undefined: its address's failures before it disregarded. */
  succeeded(): Promise<number | undefined>;
  /** Work that got no answer (the database failed): the slot given back, nothing counted. */
  abandoned(): Promise<void>;
}

export type Admission =
  | { readonly admitted: true; readonly attempt: Attempt }
  /** Locked (failures at the limit), or no slot freed within reservationMs (`busy`): wait `retryAfterSeconds`. */
  | { readonly admitted: false; readonly retryAfterSeconds: number; readonly busy: boolean };

export interface LoginAttempts {
  /**
   * Reserves a check for `key` from a client `address`, waiting while the checks in flight hold the
   * rest of its allowance; `gone` (the client closed its connection) ends the wait as a `busy`;
   * `waited` is told, after each pause, the milliseconds since it was last told (since the end of the
   * first look that found no slot): the time the login was held for its turn, the looks that found the
   * slots still held included, up to the look that ends the wait.
   */
  admit(key: string, address: string, gone?: AbortSignal, waited?: (ms: number) => void): Promise<Admission>;
  /** The Redis key a logical key's failures are stored under (tests, operations: deleting it unlocks). */
  redisKey(key: string): string;
  /** The accounts this replica holds counts of in its memory (those it counted while Redis was unreachable). */
  localAccounts(): number;
}

/**
 * The failures from a check's address recorded when it was reserved (what its success disregards),
 * and the window they were recorded in (when it ends, on the store's clock): a count seen in a window
 * that has ended is none of the next window's, whose failures all came after the check began.
 */
interface Earlier {
  readonly failures: number;
  readonly window: number;
}
/**
 * `busy`: no slot for this check now; `ahead`, the checks waiting longer than it (its place in the
 * account's queue; in memory counted only up to the account's free slots, at least 1: past them no
 * count changes the answer, and 0 alone sets the pace).
 */
type Reserved =
  | { readonly state: 'locked'; readonly ms: number }
  /**
   * `place`: where it waits, for its next look to take back should the place lapse meanwhile (Redis:
   * when it came, on Redis's clock; memory: WaitQueue.placeOf). `rejoined`: this look took it back.
   */
  | { readonly state: 'busy'; readonly ahead: number; readonly place: number; readonly rejoined: boolean }
  | { readonly state: 'reserved'; readonly earlier: Earlier };

/** One place the counts live: Redis (shared) or this replica's memory (Redis unreachable). */
interface Store {
  /** `place`: the one this store gave the check at its last look, if any (a lapsed place is taken back). */
  reserve(key: string, id: string, address: string, place: number | undefined): Promise<Reserved>;
  /** The failures now recorded, and the milliseconds left of their window. */
  fail(key: string, id: string, address: string): Promise<{ readonly failures: number; readonly ms: number }>;
  /** The milliseconds left of the lock when the failures reached the limit, else undefined (`earlier` of the address's failures taken off, none when undefined). */
  succeed(key: string, id: string, address: string, earlier: Earlier | undefined): Promise<number | undefined>;
  /** The check's slot given back, or its place in the queue (a login that stops waiting). */
  release(key: string, id: string): Promise<void>;
}

// Redis TIME, not the pods' clocks: every replica's reservations lapse on one clock.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
const FAILURES = `local failures = 0
for _, n in ipairs(redis.call('HVALS', KEYS[1])) do failures = failures + tonumber(n) end`;
const WINDOW_LEFT = `local left = redis.call('PTTL', KEYS[1])
if left < 0 then left = tonumber(ARGV[2]) end`;
/** A check that no longer waits leaves the queue (KEYS[3]: id -> when it came; KEYS[4]: id -> when it lapses). */
const LEAVE = `redis.call('ZREM', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[4], ARGV[3])`;

/**
 * KEYS: failures (hash: address -> failures recorded from it, and `<address>:disregarded` -> minus
 * how many of them right passwords disregarded, so that the values add up to the failures that
 * count), reservations (sorted set by lapse), the checks waiting (sorted set by when each first found
 * no slot) and when each of them lapses unless it looks again. ARGV: max, window, reservation id,
 * reservation ms, address, waiter lapse ms, and when the check first found no slot (0 at its first
 * look). A free slot goes to the check waiting longest: a check takes one only while the free slots
 * outnumber the checks ahead of it in the queue (a newcomer has every waiting check ahead), so the
 * waiters' backoff between looks never lets newcomers pass them. A check that looks again after its
 * place lapsed (its pod stalled past WAITER_LAPSE_MS: a long GC, CPU throttled) takes it back: the
 * lapse is for the places of pods gone, which never look again. That look takes no slot (busy, its
 * fourth value 1): its pod's other checks, stalled with it and older perhaps, have not taken theirs
 * back yet, and a slot freed meanwhile is theirs as much as its own.
 */
const RESERVE_LUA = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)) do redis.call('ZREM', KEYS[3], gone) end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
${FAILURES}
local max = tonumber(ARGV[1])
if failures >= max then
  ${LEAVE}
  ${WINDOW_LEFT}
  return {0, left}
end
local came = tonumber(ARGV[7])
local rejoined = 0
if came > 0 then rejoined = redis.call('ZADD', KEYS[3], 'NX', came, ARGV[3]) end
local ahead = redis.call('ZRANK', KEYS[3], ARGV[3]) or redis.call('ZCARD', KEYS[3])
if rejoined == 1 or failures + redis.call('ZCARD', KEYS[2]) + ahead >= max then
  redis.call('ZADD', KEYS[3], 'NX', now, ARGV[3])
  redis.call('ZADD', KEYS[4], now + tonumber(ARGV[6]), ARGV[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[6])
  redis.call('PEXPIRE', KEYS[4], ARGV[6])
  return {1, ahead, tonumber(redis.call('ZSCORE', KEYS[3], ARGV[3])), rejoined}
end
${LEAVE}
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return {2, tonumber(redis.call('HGET', KEYS[1], ARGV[5]) or '0'), redis.call('PEXPIRETIME', KEYS[1])}`;

/** KEYS as RESERVE_LUA. ARGV: max, window, reservation id, address. A window opens with the first failure that counts and is not extended. */
const FAIL_LUA = `redis.call('ZREM', KEYS[2], ARGV[3])
${FAILURES}
redis.call('HINCRBY', KEYS[1], ARGV[4], 1)
if failures == 0 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {failures + 1, redis.call('PTTL', KEYS[1])}`;

/**
 * KEYS as RESERVE_LUA. ARGV: max, window, reservation id, address, the failures recorded from it when
 * reserved, and the key's PEXPIRETIME then. -1: not locked. The address's first `earlier` failures are
 * disregarded, once whatever number of right passwords checked at once claim them (the count recorded
 * only grows while the key lives). Only in the window the check saw: the key's expiry is set once per
 * window (FAIL_LUA), so another PEXPIRETIME is a window begun since, whose failures came after the
 * check began, however many (a window reopened on a key that lives keeps its counts, and then its
 * address's failures are all disregarded already: nothing to take off). The key goes once nothing
 * counts and no check is in flight (none holds an `earlier` of it).
 */
const SUCCEED_LUA = `redis.call('ZREM', KEYS[2], ARGV[3])
${FAILURES}
if failures >= tonumber(ARGV[1]) then
  ${WINDOW_LEFT}
  return left
end
local earlier = tonumber(ARGV[5])
local marker = ARGV[4] .. ':disregarded'
if earlier > 0 and redis.call('PEXPIRETIME', KEYS[1]) == tonumber(ARGV[6]) and tonumber(redis.call('HGET', KEYS[1], ARGV[4]) or '0') >= earlier then
  local disregarded = -tonumber(redis.call('HGET', KEYS[1], marker) or '0')
  if earlier > disregarded then
    redis.call('HSET', KEYS[1], marker, -earlier)
    failures = failures - (earlier - disregarded)
  end
end
if failures <= 0 and redis.call('ZCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1]) end
return -1`;

/**
 * The scripts as the client's own commands (ioredis defineCommand): each is sent whole (EVAL) once per
 * connection, then by its SHA1 (EVALSHA), sent whole again if Redis answers NOSCRIPT (a restart, a
 * failover, SCRIPT FLUSH). A waiting login looks again and again (LOOK_BACKOFF): with EVAL each look
 * carried the script's 300-700 bytes for Redis to hash again.
 */
const SCRIPTS = { tripgenLoginReserve: RESERVE_LUA, tripgenLoginFail: FAIL_LUA, tripgenLoginSucceed: SUCCEED_LUA } as const;
type ScriptName = keyof typeof SCRIPTS;
/** defineCommand adds a method per script to the client, which ioredis's types cannot know of. */
type WithScripts = Record<ScriptName, (...args: (string | number)[]) => Promise<unknown>>;

/** An account's keys: failures, reservations, the queue of waiting checks, their lapses. */
type AccountKeys = [string, string, string, string];
const KEYS_PER_ACCOUNT = 4;

const redisStore = (redis: Redis, opts: LoginAttemptsOptions, keysOf: (key: string) => AccountKeys): Store => {
  // Once per client: every throttle on it (one per replica, tests' more) shares the definitions.
  for (const [name, lua] of Object.entries(SCRIPTS)) if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: KEYS_PER_ACCOUNT, lua });
  const scripts = redis as unknown as WithScripts;
  const run = async (script: ScriptName, key: string, ...args: (string | number)[]): Promise<unknown> =>
    scripts[script](...keysOf(key), opts.maxFailures, opts.windowMs, ...args);
  return {
    async reserve(key, id, address, place) {
      const [state, n, third, rejoined] = (await run('tripgenLoginReserve', key, id, opts.reservationMs, address, WAITER_LAPSE_MS, place ?? 0)) as [number, number, number, number?];
      return state === 0 ? { state: 'locked', ms: n } : state === 1 ? { state: 'busy', ahead: n, place: third, rejoined: rejoined === 1 } : { state: 'reserved', earlier: { failures: n, window: third } };
    },
    async fail(key, id, address) {
      const [failures, ms] = (await run('tripgenLoginFail', key, id, address)) as [number, number];
      return { failures, ms };
    },
    async succeed(key, id, address, earlier) {
      const ms = (await run('tripgenLoginSucceed', key, id, address, earlier?.failures ?? 0, earlier?.window ?? 0)) as number;
      return ms < 0 ? undefined : ms;
    },
    async release(key, id) {
      const [, reservations, waiting, lapses] = keysOf(key);
      // One transaction (one shard: the keys share their hash tag).
      await redis.multi().zrem(reservations, id).zrem(waiting, id).zrem(lapses, id).exec();
    },
  };
};

/** An address's failures: those recorded, and how many of them right passwords disregarded (the first ones). */
interface AddressFailures {
  recorded: number;
  disregarded: number;
}

interface Counted {
  readonly failures: Map<string, AddressFailures>;
  windowEndsAt: number;
  /** Reservation id -> when it lapses (performance.now()). */
  readonly reservations: Map<string, number>;
  /** The checks waiting, in the order they came, each until it lapses unless it looks again. */
  readonly waiting: WaitQueue;
}

/**
 * The same rules in this replica's memory; an account's entry goes once it holds nothing: at once
 * when a check gives its slot back, else at the first sweep after its window ends and its
 * reservations lapse (every reservationMs while any entry is held; unref'd, it holds no process
 * open), so the accounts guessed during an outage, an attacker's list of emails among them, leave
 * memory with their window even if none of them is tried again.
 */
const memoryStore = (opts: LoginAttemptsOptions): Store & { readonly size: () => number } => {
  const counts = new Map<string, Counted>();
  const entry = (key: string): Counted => {
    const now = performance.now();
    let counted = counts.get(key);
    if (!counted) counts.set(key, (counted = { failures: new Map(), windowEndsAt: 0, reservations: new Map(), waiting: new WaitQueue() }));
    if (counted.windowEndsAt <= now) counted.failures.clear();
    // At most maxFailures: a reservation is a slot. The queue's lapses are found by the looks that reach them, and by the sweep.
    for (const [id, lapsesAt] of counted.reservations) if (lapsesAt <= now) counted.reservations.delete(id);
    return counted;
  };
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = () => {
    for (const key of counts.keys()) {
      const counted = entry(key);
      counted.waiting.expire(performance.now());
      tidy(key, counted);
    }
    if (counts.size > 0) return;
    clearInterval(sweeper);
    sweeper = undefined;
  };
  const tidy = (key: string, counted: Counted) => {
    if (total(counted) === 0 && counted.reservations.size === 0 && counted.waiting.size === 0) counts.delete(key);
    else sweeper ??= setInterval(sweep, Math.min(opts.windowMs, opts.reservationMs)).unref();
  };
  const total = (counted: Counted) => [...counted.failures.values()].reduce((sum, n) => sum + n.recorded - n.disregarded, 0);
  const left = (counted: Counted) => Math.max(0, Math.round(counted.windowEndsAt - performance.now()));
  return {
    size: () => counts.size,
    async reserve(key, id, address, place) {
      const counted = entry(key);
      const failures = total(counted);
      if (failures >= opts.maxFailures) {
        counted.waiting.leave(id);
        tidy(key, counted);
        return { state: 'locked', ms: left(counted) };
      }
      const free = opts.maxFailures - failures - counted.reservations.size;
      const now = performance.now();
      // A place lapsed while its check still waited (this process stalled past WAITER_LAPSE_MS) is
      // taken back, and no slot at that look: the process's other waiters, stalled with it, have not taken theirs back yet.
      const rejoined = place !== undefined && counted.waiting.rejoin(id, place, now, now + WAITER_LAPSE_MS);
      const ahead = counted.waiting.ahead(id, now, Math.max(1, free));
      if (rejoined || ahead >= free) {
        // A check already waiting keeps its place.
        counted.waiting.enter(id, now + WAITER_LAPSE_MS);
        tidy(key, counted);
        return { state: 'busy', ahead, place: counted.waiting.placeOf(id)!, rejoined };
      }
      counted.waiting.leave(id);
      counted.reservations.set(id, performance.now() + opts.reservationMs);
      tidy(key, counted);
      return { state: 'reserved', earlier: { failures: counted.failures.get(address)?.recorded ?? 0, window: counted.windowEndsAt } };
    },
    async fail(key, id, address) {
      const counted = entry(key);
      counted.reservations.delete(id);
      if (total(counted) === 0) counted.windowEndsAt = performance.now() + opts.windowMs;
      const from = counted.failures.get(address) ?? { recorded: 0, disregarded: 0 };
      from.recorded += 1;
      counted.failures.set(address, from);
      tidy(key, counted);
      return { failures: total(counted), ms: left(counted) };
    },
    async succeed(key, id, address, earlier) {
      const counted = entry(key);
      counted.reservations.delete(id);
      if (total(counted) >= opts.maxFailures) return left(counted);
      const from = counted.failures.get(address);
      // windowEndsAt is set once per window (fail), as the Redis key's expiry.
      if (from && earlier && counted.windowEndsAt === earlier.window && from.recorded >= earlier.failures && earlier.failures > from.disregarded) from.disregarded = earlier.failures;
      tidy(key, counted);
      return undefined;
    },
    async release(key, id) {
      const counted = entry(key);
      counted.reservations.delete(id);
      counted.waiting.leave(id);
      tidy(key, counted);
    },
  };
};

/** Whole seconds, at least 1 (Retry-After). */
const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
/**
 * Between a waiting login's looks for a free slot: the first after about one argon2id verification,
 * each next one twice as long, up to `capMs`; a random share of each ("Equal Jitter" of AWS's
 * "Exponential Backoff And Jitter", Marc Brooker, 2015: between half the step and the step), so
 * waiters do not look in step, and never sooner than half the step, so their looks stay bounded:
 * once at the cap, a waiter looks at most once every capMs / 2. Before, every look came 20-40 ms
 * after the last, however long the wait: 40 waiters sent Redis ~1,300 scripts a second.
 */
export const LOOK_BACKOFF = { firstMs: 40, capMs: 320 } as const;
/**
 * How long a waiting check keeps its place in the queue without looking again: a waiter looks at
 * least every capMs, so a place left this long is a pod that stopped mid-wait, whose place would
 * otherwise keep every later check waiting (a login that gives up or whose client goes leaves at once).
 * A pod that only stalled this long (a long GC, CPU throttled) looks again, and its check takes its
 * place back (it tells where it was): the lapse frees the others, it does not send the check to the end.
 */
const WAITER_LAPSE_MS = 4 * LOOK_BACKOFF.capMs;

/** The pause before look `look` (0, 1, ...) of a waiting login. */
export const lookDelayMs = (look: number, random: () => number = Math.random): number => {
  const step = Math.min(LOOK_BACKOFF.capMs, LOOK_BACKOFF.firstMs * 2 ** Math.min(look, 16));
  return step / 2 + random() * (step / 2);
};

export const createLoginAttempts = (opts: LoginAttemptsOptions): LoginAttempts => {
  // Keys are hashed: Redis then holds no email addresses, and any key has the same length. Keyed: a
  // plain SHA-256 of an IPv4 address is undone by trying all 2^32 in seconds (of a known email list
  // as fast), so whoever read Redis (a dump, MONITOR) learnt who tried to log in from where. The kit's
  // derivation, under this throttle's own key: one way of writing an address to Redis. The braces
  // are a hash tag: both keys of an account on one shard, as a script's keys must be.
  const hashed = (key: string) => hashAddress(opts.hashKey, key);
  const keysOf = (key: string): AccountKeys => [`${opts.prefix}:{${key}}`, `${opts.prefix}:{${key}}:in-flight`, `${opts.prefix}:{${key}}:waiting`, `${opts.prefix}:{${key}}:waiting-lapses`];
  const shared = redisStore(opts.redis, opts, keysOf);
  const local = memoryStore(opts);
  /**
   * The step of reservation `id` on Redis when it is reachable, else (or when the command fails) on
   * this replica's count. A script that failed by the command timeout may still run once Redis
   * answers again (a pause of a second: a failover's hand-over, a fork), a reservation's taking a
   * slot that no step on Redis would give back before it lapses: the give-back is sent after it on
   * the same connection, which Redis runs in order (a no-op when the script freed it, or never ran).
   * Not sent once a command timed out on the connection and Redis has not answered since (a hang:
   * service-kit answersPromptly): the step would only wait its command timeout, 1 s, before counting
   * here all the same; a reservation taken on Redis before is given back there then, unawaited.
   */
  const onStore = async <T>(key: string, id: string, step: (store: Store) => Promise<T>, store: Store = answersPromptly(opts.redis) ? shared : local): Promise<[T, Store]> => {
    if (store === local) return [await step(local), local];
    const onLocal = async (): Promise<[T, Store]> => {
      void shared.release(key, id).catch(() => undefined);
      return [await step(local), local];
    };
    if (!answersPromptly(opts.redis)) return onLocal();
    try {
      return [await step(shared), shared];
    } catch {
      return onLocal();
    }
  };

  const attempt = (key: string, id: string, address: string, earlier: Earlier, store: Store): Attempt => ({
    async failed() {
      const [{ failures, ms }] = await onStore(key, id, (s) => s.fail(key, id, address), store);
      return failures > opts.maxFailures ? { refused: true, retryAfterSeconds: seconds(ms) } : { refused: false, locked: failures === opts.maxFailures };
    },
    async succeeded() {
      // On another store than the reservation's (Redis failed meanwhile) its `earlier` is not that store's count: nothing taken off.
      const [ms] = await onStore(key, id, (s) => s.succeed(key, id, address, s === store ? earlier : undefined), store);
      return ms === undefined ? undefined : seconds(ms);
    },
    async abandoned() {
      // A give-back that fails leaves the reservation to lapse on its own.
      await onStore(key, id, (s) => s.release(key, id), store).catch(() => undefined);
    },
  });

  return {
    redisKey: (key) => keysOf(hashed(key))[0],
    localAccounts: () => local.size(),
    async admit(key, clientAddress, gone, waited) {
      const counted = hashed(key);
      // Hashed too: no client address in Redis.
      const address = hashed(clientAddress);
      const id = randomUUID();
      const giveUpAt = performance.now() + opts.reservationMs;
      // It leaves the account's queue when it stops waiting (else its place lapses, WAITER_LAPSE_MS).
      const busy = async (store: Store): Promise<Admission> => {
        await onStore(counted, id, (s) => s.release(counted, id), store).catch(() => undefined);
        return { admitted: false, retryAfterSeconds: 1, busy: true };
      };
      // Where it waits, on the store that gave it (meaningless on the other).
      let waitsAt: { readonly store: Store; readonly place: number } | undefined;
      // A look that took its place back is followed by one more, past the end of the wait too (once).
      let overtime = false;
      // Told to `waited` up to here. A look that finds every slot still held is part of the wait, not
      // this pod's own work: under load each look's round trip took up to 300 ms (12 of them 1.0 s of a
      // 4.6 s wait), which only the pauses left out of the duration metric counted as the pod's.
      let heldUntil: number | undefined;
      for (let look = 0; ; look++) {
        const [reserved, store] = await onStore(counted, id, (s) => s.reserve(counted, id, address, waitsAt?.store === s ? waitsAt.place : undefined));
        if (reserved.state === 'reserved') return { admitted: true, attempt: attempt(counted, id, address, reserved.earlier, store) };
        if (reserved.state === 'locked') return { admitted: false, retryAfterSeconds: seconds(reserved.ms), busy: false };
        // Every slot held by checks in flight (or by a pod that stopped mid-check, until its reservations lapse), or promised to checks waiting longer.
        // A client that has gone is answered nothing: its login looks no more, nor checks a password for nobody.
        waitsAt = { store, place: reserved.place };
        const pausedAt = performance.now();
        // A look that took its place back took no slot (the pod's other waiters, stalled with it, take
        // theirs back meanwhile): it looks once more after the first step's pause, even past the wait's end.
        const again = reserved.rejoined && !overtime;
        if ((pausedAt >= giveUpAt && !again) || gone?.aborted) return busy(store);
        if (again && pausedAt >= giveUpAt) overtime = true;
        // The first in the queue takes the next slot freed: it looks at the first step's pace, the
        // others back off. A last look when the wait ends, not a pause past it: a login waits reservationMs at most.
        const pause = again ? lookDelayMs(0) : Math.min(lookDelayMs(reserved.ahead === 0 ? 0 : look), giveUpAt - pausedAt);
        await sleep(pause, undefined, { signal: gone }).catch(() => undefined);
        const resumedAt = performance.now();
        waited?.(resumedAt - (heldUntil ?? pausedAt));
        heldUntil = resumedAt;
        if (gone?.aborted) return busy(store);
      }
    },
  };
};
